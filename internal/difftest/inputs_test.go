//go:build cgo

package difftest

import (
	"math"
	"math/rand/v2"
)

// The arguments of the calls. Each program is called with edgeCalls tuples
// of edge values (the 64-bit limits, the ends of exact f64 ints, -0.0, inf,
// nan, ...), where overflow checks and special cases fire, and then with
// random ones drawn mostly from small and moderate ranges, where calls
// return values that can be compared, with an edge value now and then
// (and, now and then, an argument equal to the one before it).

var (
	intEdges64   = []int64{0, 1, -1, 2, -2, 3, -7, 1 << 31, -(1 << 31), 1 << 32, 3037000499, -3037000500, 1 << 53, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 62, -(1 << 62)}
	floatEdges64 = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3, 1e308, -1e308, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, 1e19, 0.1, 9.223372036854776e18, -9.223372036854776e18}
)

// bigSameSign are the ints of the first calls: large values of one sign,
// whose sums overflow (where an unchecked addition shows).
var bigSameSign = [][]int64{
	{math.MaxInt64, math.MaxInt64 - 1, 1 << 62, 1<<62 + 1, 3 << 61},
	{math.MinInt64, math.MinInt64 + 1, -(1 << 62), -(1 << 62) - 1, -3 << 61},
}

// edgeCalls is the number of calls per program made of edge values only
// (the first ones with ints from bigSameSign).
const edgeCalls = 3

// inputs returns n argument tuples for p, a function of seed.
func inputs(p *Program, seed uint64, n int) [][]any {
	r := rand.New(rand.NewPCG(seed, 0x1badcafe))
	var out [][]any
	for call := range n {
		edge := call < edgeCalls
		var args []any
		for _, t := range p.Params {
			switch t {
			case 'i':
				if call < len(bigSameSign) {
					args = append(args, bigSameSign[call][r.IntN(len(bigSameSign[call]))])
				} else if edge || r.IntN(25) == 0 {
					args = append(args, intEdges64[r.IntN(len(intEdges64))])
				} else {
					args = append(args, randInt(r))
				}
			case 'f':
				if edge || r.IntN(25) == 0 {
					args = append(args, floatEdges64[r.IntN(len(floatEdges64))])
				} else {
					args = append(args, randFloat(r))
				}
			default:
				args = append(args, int32(r.IntN(2)))
			}
		}
		if !edge && r.IntN(4) == 0 {
			// equal arguments of the same type, where < and <= differ
			for i := 1; i < len(args); i++ {
				if p.Params[i] == p.Params[i-1] {
					args[i] = args[i-1]
				}
			}
		}
		out = append(out, args)
	}
	return out
}

// randInt draws an int: mostly small (equal values and in-range indexes
// are likely), sometimes moderate or 32-bit, rarely any 64-bit value (two
// of which overflow a sum a quarter of the time).
func randInt(r *rand.Rand) int64 {
	switch k := r.IntN(20); {
	case k < 12:
		return r.Int64N(21) - 10
	case k < 17:
		return r.Int64N(2001) - 1000
	case k < 19:
		return r.Int64N(1<<32+1) - 1<<31
	}
	return int64(r.Uint64())
}

// randFloat draws a float: mostly small multiples of 1/4 (exact, often
// equal or integral), sometimes moderate, rarely of any magnitude.
func randFloat(r *rand.Rand) float64 {
	switch k := r.IntN(20); {
	case k < 10:
		return float64(r.IntN(81)-40) / 4
	case k < 16:
		return (r.Float64()*2 - 1) * 1000
	case k < 19:
		return float64(r.IntN(41) - 20)
	}
	return math.Ldexp(r.Float64()*2-1, r.IntN(140)-70)
}
