export type ImageInfo = { type: 'png' | 'jpeg'; width: number; height: number }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Reads the pixel size from PNG or JPEG bytes (LINE checks rich-menu images by their real size, not headers). */
export function readImageSize(data: Buffer): ImageInfo | undefined {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE) && data.toString('ascii', 12, 16) === 'IHDR') {
    return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    return readJpegSize(data)
  }
  return undefined
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function readJpegSize(data: Buffer): ImageInfo | undefined {
  let offset = 2
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) {
      return undefined
    }
    const marker = data[offset + 1] ?? 0
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2 // markers without a length
      continue
    }
    const length = data.readUInt16BE(offset + 2)
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > data.length) {
        return undefined
      }
      return { type: 'jpeg', height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) }
    }
    offset += 2 + length
  }
  return undefined
}
