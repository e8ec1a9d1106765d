/**
 * One realistic message and what it must be understood as:
 * - `'sos!'`: urgent, answered with the emergency card (interrupts any flow);
 * - `'<intent>='`: exactly one of the intent's phrasings (after normalisation);
 * - `'<intent>'`: the intent as a command (exact or strong);
 * - `'<intent>~'`: the intent only mentioned inside a longer text (never interrupts a flow);
 * - `'-'`: nothing understood (the bot answers with a short help and the menu).
 */
export type Case = readonly [message: string, expected: string]
