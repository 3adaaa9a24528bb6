package plan

import (
	"fmt"
	"math"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Common subexpressions within a loop iteration (the cse pass). In
//
//	while k < limit and zx * zx + zy * zy <= 4.0:
//	    t = zx * zx - zy * zy + cx
//
// zx * zx and zy * zy of the body are the values the condition just
// computed: nothing assigned zx or zy in between. The first occurrence
// (the definition) keeps its value in a local (local.tee) and the later
// ones (the uses) read it.
//
// Candidates are pure expressions: + - * of ints, floats and bools
// whose operands are locals, literals, module constants or pure
// expressions themselves. Such an expression has one value for given
// values of its names (float arithmetic is deterministic; an int
// operation either traps or gives its exact result), so reading the
// value the definition computed gives what computing it again would,
// provided that the definition ran before the use, in the same
// iteration, and that no name it reads was assigned in between. The
// analysis makes sure of both on a stretch of straight-line code: the
// condition of a while loop followed by the leading simple statements
// of its body (`name = value`, `name op= value`), or a run of simple
// statements of a loop's body. Along it, in evaluation order:
//
//   - an expression is a definition only where it is certainly
//     evaluated: not in the right operand of `and`/`or`, a branch of a
//     conditional expression or a later link of a comparison chain;
//     in the condition of a while loop, where the body follows only
//     when the condition held, both operands of an `and` that held are
//     certain;
//   - a use may be anywhere after its definition (inside a use nothing
//     else is evaluated, so nothing inside it defines);
//   - the assignment of a name ends every definition that reads it.
//
// Only loops get this treatment (their bodies run many times, and none
// of their code is generated twice in different places, except the two
// copies of a versioned loop, which each define before they use).
// core/wasmgen/cse.go generates the definitions and uses.

// cseNode is one candidate of a stretch: its definition and the names
// it reads.
type cseNode struct {
	def   ast.Expr
	names map[string]bool
	used  bool
}

// CSEPlan computes the definitions and uses of the loops of the body of
// the function: each use maps to its definition, each definition to itself.
func (rg *Func) CSEPlan() map[ast.Expr]ast.Expr {
	if !rg.Passes.Has(PassCSE) {
		return nil
	}
	out := map[ast.Expr]ast.Expr{}
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.While:
			rg.cseBody(s.Cond, s.Body, out)
		case *ast.For:
			rg.cseBody(nil, s.Body, out)
		}
		return true
	})
	return out
}

// cseBody plans the stretches of one loop body, the first one led by
// the loop's condition cond (nil for a for loop).
func (rg *Func) cseBody(cond ast.Expr, body []ast.Stmt, out map[ast.Expr]ast.Expr) {
	st := &cseStretch{rg: rg, avail: map[string]*cseNode{}, out: out}
	if cond != nil {
		st.condWalk(cond, true)
	}
	for _, s := range body {
		if !SimpleAssign(s) || !rg.numericTarget(s) {
			st.finish()
			st = &cseStretch{rg: rg, avail: map[string]*cseNode{}, out: out}
			continue
		}
		var target string
		var value ast.Expr
		switch s := s.(type) {
		case *ast.Assign:
			if len(s.Chain) > 0 {
				st.finish()
				st = &cseStretch{rg: rg, avail: map[string]*cseNode{}, out: out}
				continue
			}
			target, value = s.Target.(*ast.Ident).Name, s.Value
		case *ast.AugAssign:
			target, value = s.Target.(*ast.Ident).Name, s.Value
		}
		st.walk(value, true)
		st.kill(target)
	}
	st.finish()
}

// A cseStretch is the state of the analysis along one stretch.
type cseStretch struct {
	rg    *Func
	avail map[string]*cseNode // by key, the definitions still valid
	all   []*cseNode
	uses  map[ast.Expr]*cseNode
	out   map[ast.Expr]ast.Expr
}

// condWalk walks the condition e of a loop, where certain is relative to
// e's truth value being when (the body runs when it is true).
func (st *cseStretch) condWalk(e ast.Expr, when bool) {
	switch x := e.(type) {
	case *ast.Unary:
		if x.Op == ast.OpNot {
			st.condWalk(x.X, !when)
			return
		}
	case *ast.Logic:
		if (x.Op == ast.OpAnd) == when {
			// both operands were evaluated (an `and` that held, an `or`
			// that failed)
			st.condWalk(x.X, when)
			st.condWalk(x.Y, when)
			return
		}
	}
	st.walk(e, true)
}

// walk visits e in evaluation order; certain tells whether e is
// certainly evaluated when the stretch runs to its end.
func (st *cseStretch) walk(e ast.Expr, certain bool) {
	key, names, ok := st.rg.cseKey(e)
	if ok {
		if d, found := st.avail[key]; found {
			st.use(e, d)
			return
		}
	}
	// certain holds only along arithmetic, comparisons of numbers and the
	// left operands of `and`/`or`, whose lowering generates each operand
	// once; inside anything else (calls, indexing, conditional
	// expressions, str and list operations) uses may occur but no
	// definition
	numeric := func(x ast.Expr) bool {
		t, ok := st.rg.Info.Types[x]
		return ok && NumericKind(t.Kind)
	}
	switch x := e.(type) {
	case *ast.Binary:
		c := certain && numeric(x) && numeric(x.X) && numeric(x.Y)
		st.walk(x.X, c)
		st.walk(x.Y, c)
	case *ast.Unary:
		st.walk(x.X, certain && numeric(x.X))
	case *ast.Logic:
		st.walk(x.X, certain)
		st.walk(x.Y, false)
	case *ast.IfExp:
		st.walk(x.Cond, false)
		st.walk(x.Body, false)
		st.walk(x.Else, false)
	case *ast.Compare:
		c := certain && len(x.Ops) == 1 && numeric(x.Operands[0]) && numeric(x.Operands[1])
		for _, o := range x.Operands {
			st.walk(o, c)
		}
	case *ast.Call:
		for _, a := range x.Args {
			st.walk(a, false)
		}
	case *ast.Index:
		st.walk(x.X, false)
		st.walk(x.Index, false)
	}
	if ok && certain {
		d := &cseNode{def: e, names: names}
		st.avail[key] = d
		st.all = append(st.all, d)
	}
}

// use records e as a use of d.
func (st *cseStretch) use(e ast.Expr, d *cseNode) {
	d.used = true
	st.out[e] = d.def
}

// kill ends the definitions that read name.
func (st *cseStretch) kill(name string) {
	for key, d := range st.avail {
		if d.names[name] {
			delete(st.avail, key)
		}
	}
}

// finish records the definitions that have uses.
func (st *cseStretch) finish() {
	for _, d := range st.all {
		if d.used {
			st.out[d.def] = d.def
		}
	}
}

// cseKey returns the text of the candidate e (equal texts, equal
// values for equal values of the names) and the names it reads; ok is
// false when e is not a candidate (see above) or is a constant.
func (rg *Func) cseKey(e ast.Expr) (key string, names map[string]bool, ok bool) {
	b, isBin := e.(*ast.Binary)
	if !isBin || b.Op != ast.OpAdd && b.Op != ast.OpSub && b.Op != ast.OpMul {
		return "", nil, false
	}
	if _, c := rg.ConstOf(e); c {
		return "", nil, false
	}
	var sb strings.Builder
	names = map[string]bool{}
	if !rg.pureText(e, &sb, names) {
		return "", nil, false
	}
	return sb.String(), names, true
}

// pureText writes the text of the pure expression e, with the kind of
// every node, to sb and adds the locals it reads to names; it reports
// whether e is pure.
func (rg *Func) pureText(e ast.Expr, sb *strings.Builder, names map[string]bool) bool {
	t, typed := rg.Info.Types[e]
	if !typed || t.Kind != check.Int && t.Kind != check.Float && t.Kind != check.Bool {
		return false
	}
	fmt.Fprintf(sb, "%d:", t.Kind)
	if v, ok := rg.ConstOf(e); ok {
		switch v.Kind {
		case check.Float:
			fmt.Fprintf(sb, "f%x", math.Float64bits(v.F))
		default:
			fmt.Fprintf(sb, "i%d", v.I)
		}
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		if _, local := rg.LocalTypes()[x.Name]; !local {
			return false
		}
		if _, isConst := rg.Info.Consts[x]; isConst {
			return false // a module constant folds, or is not pure
		}
		names[x.Name] = true
		fmt.Fprintf(sb, "%q", x.Name)
		return true
	case *ast.Binary:
		if x.Op != ast.OpAdd && x.Op != ast.OpSub && x.Op != ast.OpMul {
			return false
		}
		fmt.Fprintf(sb, "(%d ", x.Op)
		if !rg.pureText(x.X, sb, names) {
			return false
		}
		sb.WriteByte(' ')
		if !rg.pureText(x.Y, sb, names) {
			return false
		}
		sb.WriteByte(')')
		return true
	case *ast.Unary:
		if x.Op != ast.OpNeg && x.Op != ast.OpPos {
			return false
		}
		fmt.Fprintf(sb, "(u%d ", x.Op)
		if !rg.pureText(x.X, sb, names) {
			return false
		}
		sb.WriteByte(')')
		return true
	}
	return false
}

// numericTarget reports whether the simple statement s assigns an int,
// float or bool local (whose value is generated as an expression; a str
// append may generate its value otherwise).
func (rg *Func) numericTarget(s ast.Stmt) bool {
	var id *ast.Ident
	switch s := s.(type) {
	case *ast.Assign:
		id, _ = s.Target.(*ast.Ident)
	case *ast.AugAssign:
		id, _ = s.Target.(*ast.Ident)
	}
	if id == nil {
		return false
	}
	t, ok := rg.LocalTypes()[id.Name]
	return ok && NumericKind(t.Kind)
}

// NumericKind reports whether k is int, float or bool.
func NumericKind(k check.Kind) bool {
	return k == check.Int || k == check.Float || k == check.Bool
}
