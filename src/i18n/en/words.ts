/** Small word helpers of the English messages. */
/** `1 slide`, `2 slides`. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
/** `Install…` → `install…`, for advice that follows a `;`. */
export const lowerFirst = (text: string): string => text.replace(/^./, (c) => c.toLowerCase())
