/**
 * The composition root builds every service through `wire`, which notes the options a factory was given but never
 * read: an option wired for nothing is a lie about what a service depends on. Factories destructure their options
 * in the signature, so everything they use is read when they are called; the root logs what is left (and a test
 * fails on it). A Proxy is the only way to see which properties a function reads; it is dropped after the call.
 */
export function createWiring() {
  const unread: string[] = []

  function wire<O extends object, R>(factory: (options: O) => R, options: O): R {
    const read = new Set<PropertyKey>()
    const spy = new Proxy(options, {
      get(target, key, receiver) {
        read.add(key)
        return Reflect.get(target, key, receiver)
      },
    })
    const made = factory(spy)
    for (const key of Object.keys(options)) {
      if (!read.has(key)) {
        unread.push(`${factory.name || 'anonymous factory'}: ${key}`)
      }
    }
    return made
  }

  return { wire, unread: (): readonly string[] => [...unread] }
}
export type Wire = ReturnType<typeof createWiring>['wire']
