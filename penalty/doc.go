// Package penalty is the arithmetic of administrative sanctions: yuan amounts
// as exact decimals, closed fine ranges, the statutory amount rules that
// produce them (fixed range, max only, min only, a multiple or percentage of a
// base such as illegal gains or construction cost, per unit, with caps and
// fallbacks), the tier schemes that split a range into 从轻 / 一般 / 从重, and
// rounding to the catalog's unit.
//
// Money never passes through float64. Amounts are [decimal.Decimal] values and
// every function here is pure, so the package keeps no state and is safe for
// concurrent use.
//
// Ranges are closed: an exclusive bound written by an author ("不足1万元") is
// resolved against the rounding unit before it reaches a [Range], so [1000,
// 5000) with a unit of 1 yuan becomes [1000, 4999]. Rounding is inward (the
// minimum rounds up, the maximum rounds down) so that a rounded range never
// leaves the range the law allows.
package penalty
