package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The hash part of the generator: accumulators that a loop carries from
// one iteration to the next, as hashes do (h = (h * k + x) % m), for
// wasmgen's carried, mulconst and wrapmod passes, and loops over the code
// points of a string for strchars. A fresh accumulator starts at a small
// constant, so that its interval holds through the loop and the checks
// go; an existing one (a parameter, or a local assigned elsewhere) may
// hold anything, and then the checks must stay. Multipliers and moduli
// include powers of two (wrapping arithmetic is exact there), others,
// negative ones, and sizes that overflow 64 bits.

// hashMultipliers and hashModuli are the constants of the updates.
var (
	hashMultipliers = []int64{31, 33, 37, 3, -31, 16777619, 1000003, 0x5bd1e995, 1 << 33, -(1 << 40), 257, 515, 65599, 1, 0}
	hashModuli      = []int64{1 << 32, 1 << 16, 1 << 61, 1000000007, 7, -65536, 2}
	hashMasks       = []int64{0xffffffff, 0xffff, 0xff, 1<<63 - 1, 1<<40 - 1}
)

// pow2 writes 2**n for the powers of two of hashModuli (a folded
// constant), the number itself otherwise.
func (g *Generator) hashConst(v int64) ast.Expr {
	if v > 2 && v&(v-1) == 0 && g.r.IntN(2) == 0 {
		n := 0
		for w := v; w > 1; w >>= 1 {
			n++
		}
		return &ast.Binary{X: intLit(2), Op: ast.OpPow, Y: intLit(int64(n))}
	}
	return intLit(v)
}

// hashTexts are longer literals for the loops over code points: runs of
// ASCII around the eight bytes of a step of the polyhash pass, with
// non-ASCII characters of each UTF-8 length before, among and after them.
var hashTexts = []string{"abcdefgh", "abcdefgé", "éabcdefg", "hello, wörld! ", "0123456789abcdef漢",
	"ab😀cdefghijklm", "\x7f\x00abcdefg\u0080", "Grüße aus Köln", "漢字かな😀", "abcdefghijklmnopq"}

// hashText returns a text for a loop over code points: a literal of
// strEdges or hashTexts, repeated now and then past the 1,024 bytes of a
// chunk, sometimes followed by another one.
func (g *Generator) hashText() ast.Expr {
	lit := func() ast.Expr {
		var e ast.Expr
		if g.r.IntN(2) == 0 {
			e = &ast.StrLit{Value: strEdges[g.r.IntN(len(strEdges))]}
		} else {
			e = &ast.StrLit{Value: hashTexts[g.r.IntN(len(hashTexts))]}
		}
		if g.r.IntN(2) == 0 {
			e = &ast.Binary{X: e, Op: ast.OpMul, Y: intLit(int64(1 + g.r.IntN(400)))}
		}
		return e
	}
	e := lit()
	if g.r.IntN(3) == 0 {
		e = &ast.Binary{X: e, Op: ast.OpAdd, Y: lit()}
	}
	return e
}

// hashChar returns the int that a hash loop over code points takes from
// the character cv: ord(cv) most of the time, else an affine function of
// it (which polyhash folds into its combination) or not (which it leaves).
func (g *Generator) hashChar(cv string) ast.Expr {
	ord := call("ord", ident(cv))
	switch g.r.IntN(8) {
	case 0:
		return &ast.Binary{X: ord, Op: ast.OpAdd, Y: intLit(int64(g.r.IntN(200) - 100))}
	case 1:
		return &ast.Binary{X: &ast.Binary{X: intLit(int64(g.r.IntN(9) - 4)), Op: ast.OpMul, Y: ord}, Op: ast.OpSub, Y: intLit(7)}
	case 2:
		return &ast.Unary{Op: []ast.UnaryOp{ast.OpInvert, ast.OpNeg}[g.r.IntN(2)], X: ord}
	case 3:
		return &ast.Binary{X: ord, Op: ast.OpBitXor, Y: intLit(0x20)}
	}
	return ord
}

// hashUpdate returns `h = F(h, x)` for one of the shapes of a hash.
func (g *Generator) hashUpdate(h string, x ast.Expr) ast.Stmt {
	k := intLit(hashMultipliers[g.r.IntN(len(hashMultipliers))])
	mod := func(e ast.Expr) ast.Expr {
		if g.r.IntN(3) == 0 {
			return &ast.Binary{X: e, Op: ast.OpBitAnd, Y: intLit(hashMasks[g.r.IntN(len(hashMasks))])}
		}
		return &ast.Binary{X: e, Op: ast.OpMod, Y: g.hashConst(hashModuli[g.r.IntN(len(hashModuli))])}
	}
	var e ast.Expr
	switch g.r.IntN(6) {
	case 0, 1:
		e = &ast.Binary{X: &ast.Binary{X: ident(h), Op: ast.OpMul, Y: k}, Op: ast.OpAdd, Y: x}
	case 2:
		// FNV-1a: xor, then multiply
		e = &ast.Binary{X: &ast.Binary{X: ident(h), Op: ast.OpBitXor, Y: x}, Op: ast.OpMul, Y: k}
	case 3:
		// djb2: (h << 5) + h + x
		shl := &ast.Binary{X: ident(h), Op: ast.OpLShift, Y: intLit(int64(1 + g.r.IntN(8)))}
		e = &ast.Binary{X: &ast.Binary{X: shl, Op: ast.OpAdd, Y: ident(h)}, Op: ast.OpAdd, Y: x}
	case 4:
		e = &ast.Binary{X: x, Op: ast.OpAdd, Y: &ast.Binary{X: k, Op: ast.OpMul, Y: ident(h)}}
	default:
		e = &ast.Binary{X: &ast.Unary{Op: ast.OpNeg, X: &ast.Binary{X: ident(h), Op: ast.OpMul, Y: k}}, Op: ast.OpSub, Y: x}
	}
	if g.r.IntN(8) == 0 {
		// no reduction at all: the accumulator grows until it overflows
		return &ast.Assign{Target: ident(h), Value: e}
	}
	return &ast.Assign{Target: ident(h), Value: mod(e)}
}

// hashAcc returns the accumulator of a hash loop, with the statement that
// declares it when it is fresh (at level 0 only, so that the name is
// bound wherever it is read).
func (g *Generator) hashAcc(level int) (string, []ast.Stmt) {
	if level == 0 && g.r.IntN(3) > 0 {
		h := g.newLocal('i')
		return h, []ast.Stmt{&ast.Assign{Target: ident(h), Value: intLit([]int64{0, 1, 5381, 2166136261}[g.r.IntN(4)])}}
	}
	names := g.locals['i']
	return names[g.r.IntN(len(names))], nil
}

// hashLoop returns a range loop updating a hash accumulator with an int
// expression (which may read the loop variable).
func (g *Generator) hashLoop(level int) []ast.Stmt {
	h, out := g.hashAcc(level)
	iter := g.boundedRange()
	g.nloop++
	kv := "k" + strconv.Itoa(g.nloop)
	g.locals['i'] = append(g.locals['i'], kv)
	var x ast.Expr = ident(kv)
	if g.r.IntN(2) == 0 {
		x = g.expr('i')
	}
	body := []ast.Stmt{g.hashUpdate(h, x)}
	g.locals['i'] = g.locals['i'][:len(g.locals['i'])-1]
	return append(out, &ast.For{Target: ident(kv), Iter: iter, Body: body})
}

// hashStrLoop returns `for c in s` hashing the code points of s: c read
// only by ord(c) (strchars), or also compared with a one-character
// literal or used as a string (the string lowering stays), sometimes with
// a continue on ASCII.
func (g *Generator) hashStrLoop(cv string, iter ast.Expr) []ast.Stmt {
	h, out := g.hashAcc(0)
	ord := func() ast.Expr { return call("ord", ident(cv)) }
	var body []ast.Stmt
	switch g.r.IntN(5) {
	case 0:
		// skip the ASCII characters
		body = append(body, &ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ord(), intLit(128)}, Ops: []ast.CmpOp{ast.CmpLt}},
			Body: []ast.Stmt{&ast.Continue{}}})
	case 1:
		// c also compared as a string
		lit := &ast.StrLit{Value: strEdges[1+g.r.IntN(len(strEdges)-1)]}
		body = append(body, &ast.If{Cond: &ast.Compare{Operands: []ast.Expr{ident(cv), lit}, Ops: []ast.CmpOp{ast.CmpEq}},
			Body: []ast.Stmt{&ast.AugAssign{Target: ident(h), Op: ast.OpAdd, Value: intLit(1)}}})
	case 2:
		// two reads of ord(c)
		body = append(body, &ast.AugAssign{Target: ident(h), Op: ast.OpBitXor, Value: ord()})
	}
	body = append(body, g.hashUpdate(h, g.hashChar(cv)))
	return append(out, &ast.For{Target: ident(cv), Iter: iter, Body: body})
}

// HashProgram returns a function `f(a: int, b: int, x: float, y: float,
// p: bool) -> int` made of hash loops only, over ranges and over the code
// points of strings, which returns the XOR of its accumulators: every
// value the loops compute shows in the result.
func (g *Generator) HashProgram() *Program {
	g.locals = map[byte][]string{'i': {"a", "b"}, 'f': {"x", "y"}, 'b': {"p"}, 'I': nil, 'F': nil, 'B': nil, 's': nil, 'S': nil}
	g.nlocal, g.nloop, g.recBound, g.consts = 0, 0, 0, nil
	var body []ast.Stmt
	var accs []string
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		var stmts []ast.Stmt
		if g.r.IntN(3) == 0 {
			stmts = g.hashLoop(0)
		} else {
			var iter ast.Expr
			switch g.r.IntN(3) {
			case 0:
				iter = &ast.StrLit{Value: strEdges[g.r.IntN(len(strEdges))]}
			case 1:
				// a longer text (polyhash's steps, the 1,024 bytes of a
				// chunk of the interruption checks)
				iter = g.hashText()
			default:
				iter = g.expr('s')
			}
			g.nloop++
			stmts = g.hashStrLoop("c"+strconv.Itoa(g.nloop), iter)
		}
		body = append(body, stmts...)
		for _, s := range stmts {
			if f, ok := s.(*ast.For); ok {
				// the accumulator of the loop's last statement
				last := f.Body[len(f.Body)-1]
				if a, ok := last.(*ast.Assign); ok {
					accs = append(accs, a.Target.(*ast.Ident).Name)
				}
			}
		}
	}
	var ret ast.Expr = intLit(0)
	for _, h := range accs {
		ret = &ast.Binary{X: ret, Op: ast.OpBitXor, Y: ident(h)}
	}
	body = append(body, &ast.Return{Value: ret})
	d, params := genFunc(body, 'i')
	return &Program{File: &ast.File{Name: "gen.ml", Lang: "en", Body: []ast.Stmt{d}}, Params: params, Result: 'i'}
}
