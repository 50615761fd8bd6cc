/** Petits outils de mots pour les messages en français. */
/** `1 diapositive`, `2 diapositives`; 0 et 1 au singulier, comme en français. */
export const count = (n: number, one: string, many: string): string => `${n} ${n < 2 ? one : many}`
/** `0,5 s`: la virgule décimale du français. */
export const seconds = (n: number): string => `${String(n).replace('.', ',')} s`
/** `Installez…` → `installez…`, pour un conseil qui suit un « ; ». */
export const lowerFirst = (text: string): string => text.replace(/^./, (c) => c.toLowerCase())
