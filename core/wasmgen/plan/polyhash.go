package plan

import (
	"math/bits"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The analysis of the polyhash pass (core/wasmgen/polyhash.go has the
// pass and why it is exact).

// A PolyHash is a loop `for c in s: h = E % 2**W` (or `E & (2**W - 1)`)
// whose E is, modulo 2**64, the linear form K*h + A*ord(c) + D: a
// polynomial hash of the code points of s.
type PolyHash struct {
	H       string // the accumulator, an int local
	W       int    // the residue is taken modulo 2**W, 1 <= W <= 63
	K, A, D uint64 // E ≡ K*h + A*ord(c) + D (mod 2**64)
}

// PolyHashLoop returns the PolyHash of s when s is such a loop: its body
// is the one assignment `h = E % 2**W` (or the mask), h an int local of
// the function, c read only by the ord(c) of E (OrdOnlyUses), and E made
// of h, ord(c) and int constants by + - * (one side constant), unary - +
// ~ and << by a constant in [0, 63]: operations that never raise, whose
// residue modulo 2**64 is that of the same operations on the operands'
// residues, which gives the linear form.
func (rg *Func) PolyHashLoop(s *ast.For) (PolyHash, bool) {
	if len(s.Body) != 1 {
		return PolyHash{}, false
	}
	as, ok := s.Body[0].(*ast.Assign)
	if !ok {
		return PolyHash{}, false
	}
	h, ok := as.Target.(*ast.Ident)
	if !ok || rg.Inlined[h.Name] || s.Var() == nil || h.Name == s.Var().Name {
		return PolyHash{}, false
	}
	if t := rg.LocalType(h.Name); t == nil || t.Kind != check.Int {
		return PolyHash{}, false
	}
	mod, ok := as.Value.(*ast.Binary)
	if !ok {
		return PolyHash{}, false
	}
	e, w := rg.PowerOfTwoMod(mod)
	if e == nil {
		return PolyHash{}, false
	}
	ords, ok := rg.OrdOnlyUses(s)
	if !ok {
		return PolyHash{}, false
	}
	isOrd := map[*ast.Ident]bool{}
	for _, id := range ords {
		isOrd[id] = true
	}
	f, ok := rg.linearForm(e, h.Name, isOrd)
	if !ok {
		return PolyHash{}, false
	}
	return PolyHash{H: h.Name, W: w, K: f[0], A: f[1], D: f[2]}, true
}

// PowerOfTwoMod returns x and k when e is the int expression `x % 2**k`
// or `x & (2**k - 1)` (the mask on either side) with 1 <= k <= 63, whose
// value is the residue of x modulo 2**k; x is nil otherwise.
func (rg *Func) PowerOfTwoMod(e *ast.Binary) (x ast.Expr, k int) {
	if t, ok := rg.Info.Types[e]; !ok || t.Kind != check.Int {
		return nil, 0
	}
	switch e.Op {
	case ast.OpMod:
		if v, ok := rg.ConstOf(e.Y); ok && v.Kind == check.Int && v.I > 1 && v.I&(v.I-1) == 0 {
			return e.X, bits.TrailingZeros64(uint64(v.I))
		}
	case ast.OpBitAnd:
		for _, side := range [2][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
			if v, ok := rg.ConstOf(side[1]); ok && v.Kind == check.Int && v.I > 0 && v.I&(v.I+1) == 0 {
				return side[0], bits.Len64(uint64(v.I))
			}
		}
	}
	return nil, 0
}

// linearForm returns the coefficients of h and ord(c) and the constant of
// the int expression e, modulo 2**64, when e has the shape PolyHashLoop
// describes (isOrd holds the arguments c of its ord(c) calls).
func (rg *Func) linearForm(e ast.Expr, h string, isOrd map[*ast.Ident]bool) ([3]uint64, bool) {
	var none [3]uint64
	if t, ok := rg.Info.Types[e]; !ok || t.Kind != check.Int {
		return none, false
	}
	if v, ok := rg.ConstOf(e); ok {
		if v.Kind != check.Int {
			return none, false
		}
		return [3]uint64{0, 0, uint64(v.I)}, true
	}
	scale := func(f [3]uint64, k uint64) [3]uint64 { return [3]uint64{f[0] * k, f[1] * k, f[2] * k} }
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name == h {
			return [3]uint64{1, 0, 0}, true
		}
	case *ast.Call:
		if f, ok := e.Func.(*ast.Ident); ok && rg.Info.Builtins[f] == "ord" && len(e.Args) == 1 {
			if id, ok := e.Args[0].(*ast.Ident); ok && isOrd[id] {
				return [3]uint64{0, 1, 0}, true
			}
		}
	case *ast.Unary:
		x, ok := rg.linearForm(e.X, h, isOrd)
		if !ok {
			return none, false
		}
		switch e.Op {
		case ast.OpPos:
			return x, true
		case ast.OpNeg:
			return scale(x, ^uint64(0)), true
		case ast.OpInvert: // ~x = -x - 1
			x = scale(x, ^uint64(0))
			x[2]--
			return x, true
		}
	case *ast.Binary:
		if e.Op == ast.OpLShift {
			v, ok := rg.ConstOf(e.Y)
			if !ok || v.Kind != check.Int || v.I < 0 || v.I > 63 {
				return none, false
			}
			x, ok := rg.linearForm(e.X, h, isOrd)
			return scale(x, 1<<uint(v.I)), ok
		}
		if e.Op != ast.OpAdd && e.Op != ast.OpSub && e.Op != ast.OpMul {
			return none, false
		}
		x, ok := rg.linearForm(e.X, h, isOrd)
		if !ok {
			return none, false
		}
		y, ok := rg.linearForm(e.Y, h, isOrd)
		if !ok {
			return none, false
		}
		switch e.Op {
		case ast.OpAdd:
			return [3]uint64{x[0] + y[0], x[1] + y[1], x[2] + y[2]}, true
		case ast.OpSub:
			return [3]uint64{x[0] - y[0], x[1] - y[1], x[2] - y[2]}, true
		}
		switch {
		case x[0] == 0 && x[1] == 0:
			return scale(y, x[2]), true
		case y[0] == 0 && y[1] == 0:
			return scale(x, y[2]), true
		}
	}
	return none, false
}
