package plan

import "math"

// Intervals: the values of the interval analysis (ranges.go). The
// arithmetic saturates at the ends of i64, which keeps every bound sound:
// a bound clamped to MIN or MAX still holds every value that does not
// trap.

// An Interval is a closed range [Lo, Hi] of i64 values.
type Interval struct{ Lo, Hi int64 }

// FullRange holds every i64.
var FullRange = Interval{math.MinInt64, math.MaxInt64}

// NonNegRange holds every non-negative i64.
var NonNegRange = Interval{0, math.MaxInt64}

// NonNeg reports whether every value of r is >= 0.
func (r Interval) NonNeg() bool { return r.Lo >= 0 }

// Positive reports whether every value of r is > 0.
func (r Interval) Positive() bool { return r.Lo > 0 }

// SatAdd returns a + b clamped to i64.
func SatAdd(a, b int64) int64 {
	r := a + b
	if (a^r)&(b^r) < 0 {
		if a < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}

// SatMul returns a * b clamped to i64.
func SatMul(a, b int64) int64 {
	if r, ok := Mul64(a, b); ok {
		return r
	}
	if (a < 0) != (b < 0) {
		return math.MinInt64
	}
	return math.MaxInt64
}

// SatNeg returns -a clamped to i64.
func SatNeg(a int64) int64 {
	if a == math.MinInt64 {
		return math.MaxInt64
	}
	return -a
}

// AddRange and friends give the exact Interval of a checked operation.
func AddRange(a, b Interval) Interval {
	return Interval{SatAdd(a.Lo, b.Lo), SatAdd(a.Hi, b.Hi)}
}

// SubRange is the exact interval of a checked a - b (clamped to i64).
func SubRange(a, b Interval) Interval {
	return Interval{SatSub(a.Lo, b.Hi), SatSub(a.Hi, b.Lo)}
}

// SatSub returns a - b clamped to i64.
func SatSub(a, b int64) int64 {
	r := a - b
	if (a^b)&(a^r) < 0 {
		if a < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}

// AddSafe, SubSafe and MulSafe report whether the operation cannot
// overflow for any operands in a and b (the extreme results are corners).

// AddSafe reports whether a + b cannot overflow for operands in a and b.
func AddSafe(a, b Interval) bool {
	return (a.Lo^(a.Lo+b.Lo))&(b.Lo^(a.Lo+b.Lo)) >= 0 && (a.Hi^(a.Hi+b.Hi))&(b.Hi^(a.Hi+b.Hi)) >= 0
}

// SubSafe reports whether a - b cannot overflow for operands in a and b.
func SubSafe(a, b Interval) bool {
	return (a.Lo^b.Hi)&(a.Lo^(a.Lo-b.Hi)) >= 0 && (a.Hi^b.Lo)&(a.Hi^(a.Hi-b.Lo)) >= 0
}

// MulSafe reports whether a * b cannot overflow for operands in a and b.
func MulSafe(a, b Interval) bool {
	for _, x := range [2]int64{a.Lo, a.Hi} {
		for _, y := range [2]int64{b.Lo, b.Hi} {
			if _, ok := Mul64(x, y); !ok {
				return false
			}
		}
	}
	return true
}

// MulRange is the exact interval of a checked a * b (clamped to i64).
func MulRange(a, b Interval) Interval {
	c := [4]int64{SatMul(a.Lo, b.Lo), SatMul(a.Lo, b.Hi), SatMul(a.Hi, b.Lo), SatMul(a.Hi, b.Hi)}
	return Interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}

// FloorDivRange is the Interval of a // b for a positive divisor: a // b
// is monotone in each operand separately, so the corners bound it.
func FloorDivRange(a, b Interval) Interval {
	if !b.Positive() {
		return FullRange
	}
	fd := func(x, y int64) int64 {
		q := x / y
		if x%y != 0 && x < 0 {
			q--
		}
		return q
	}
	c := [4]int64{fd(a.Lo, b.Lo), fd(a.Lo, b.Hi), fd(a.Hi, b.Lo), fd(a.Hi, b.Hi)}
	return Interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}
