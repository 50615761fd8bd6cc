import { describe, expect, it } from 'vitest'

import { paceOf, type Timing } from '../../../runtime/i18n.js'

const timing: Timing = {
  total: 16,
  parts: [
    { title: 'Intro', first: 1, last: 2, minutes: 2 },
    { title: 'Pourquoi', first: 3, last: 8, minutes: 6 },
    { title: 'Sans durée', first: 9, last: 9 },
    { title: 'Alternatives', first: 10, last: 14, minutes: 8 },
  ],
}
const min = 60_000

describe("the speaker view's pace", () => {
  it('counts the minutes planned up to the end of the current part', () => {
    expect(paceOf(0, 0, timing).until).toBe(2)
    expect(paceOf(0, 1, timing).until).toBe(8)
    expect(paceOf(0, 2, timing).until).toBe(8)
    expect(paceOf(0, 3, timing).until).toBe(16)
  })

  it('is on time inside the part’s planned window, behind past its end, ahead a full minute before its start', () => {
    expect(paceOf(5 * min, 1, timing)).toEqual({ until: 8, pace: 'on-time', minutes: 0 })
    expect(paceOf(1.5 * min, 1, timing)).toEqual({ until: 8, pace: 'on-time', minutes: 0 })
    expect(paceOf(8 * min + 1000, 1, timing)).toEqual({ until: 8, pace: 'behind', minutes: 1 })
    expect(paceOf(11 * min, 1, timing)).toEqual({ until: 8, pace: 'behind', minutes: 3 })
    expect(paceOf(3 * min, 3, timing)).toEqual({ until: 16, pace: 'ahead', minutes: 5 })
  })
})
