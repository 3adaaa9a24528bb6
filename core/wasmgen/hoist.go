package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Loop-invariant list headers. Every access x[i] reads x's length (for
// the bounds check) and data pointer from its header in linear memory, and
// Cranelift does not move these loads out of a loop: they may trap, and
// stores in the loop may alias them. So the generator does it where it can
// prove that the loop cannot change them: before a range or while loop,
// the length (widened to i64) and the data pointer of each list local
// that the loop indexes are loaded once into locals, and the loop's
// accesses read those locals instead of the header.
//
// Proof. A list's length and data pointer change only when its header is
// written, and compiled code writes an existing header only in
// __ml_push and __ml_pop (append and pop; growth and removal). Element
// stores x[i] = v and x[i] op= v write one slot inside x's data, after a
// bounds check, and slots never overlap a header (headers are allocated
// separately or just before their own data); a new list (literal,
// repetition, concatenation) writes only its own fresh header. So the
// header of list x is unchanged across a loop when:
//
//   - the local x is not assigned in the loop (no `x = ...`, `x op= ...`
//     or `for x in ...`), so it denotes the same header all along;
//   - the loop (condition and body, nested loops included) contains no
//     method call (append and pop on any list, which might alias x) and
//     no call of a compiled function (which might append to or pop from
//     x); builtins are allowed when they only read lists (len, sum, min,
//     max) or take no list (abs, int, round, float, bool, range);
//   - the loop holds no statement or expression the analysis does not
//     know (conservatively).
//
// The loads happen once before the loop even if the loop runs zero times
// or x is read only on some paths. That is harmless: x is a list local, so
// it holds either a list's address or, if not yet assigned, 0; either way
// the loads read inside the first memory page, which always exists, so
// they cannot trap, and the values are used only where the loop itself
// reads x[...]. A nested loop reuses the locals of an enclosing loop, whose
// proof covers the nested loop as part of its body.

// cachedList holds the locals with the hoisted length (i64) and data
// pointer (i32) of a list local; for a list of lists whose rows the loop
// cannot change either, rows is set and the local rowsMin holds the
// smallest length of its rows [rowsFrom, rowsDone) (version.go).
type cachedList struct {
	len, data                   uint32
	rows                        bool
	rowsFrom, rowsDone, rowsMin uint32
}

// loopSafeBuiltins are the builtins a loop may call and still keep list
// headers unchanged: none of them writes a list.
var loopSafeBuiltins = map[string]bool{
	"len": true, "sum": true, "min": true, "max": true, "abs": true,
	"int": true, "round": true, "float": true, "bool": true, "range": true,
}

// invariantLists returns, in order of first use, the list locals indexed
// in the loop made of cond (nil for a range loop) and body whose headers
// the loop cannot change (see above); none when the loop may change any.
func (fg *fgen) invariantLists(cond ast.Expr, body []ast.Stmt) []string {
	var used []string
	seen := map[string]bool{}
	assigned := map[string]bool{}
	safe := true
	var expr func(ast.Expr)
	var stmts func([]ast.Stmt)
	useList := func(e ast.Expr) {
		id, ok := e.(*ast.Ident)
		if !ok || seen[id.Name] {
			return
		}
		if t, ok := fg.g.info.Types[e]; ok && t.Kind == check.List {
			if _, local := fg.local[id.Name]; local {
				seen[id.Name] = true
				used = append(used, id.Name)
			}
		}
	}
	target := func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Ident:
			assigned[e.Name] = true
		case *ast.Index:
			useList(e.X)
			expr(e.X)
			expr(e.Index)
		default:
			safe = false
		}
	}
	expr = func(e ast.Expr) {
		switch e := e.(type) {
		case nil:
		case *ast.Index:
			useList(e.X)
			expr(e.X)
			expr(e.Index)
		case *ast.Binary:
			expr(e.X)
			expr(e.Y)
		case *ast.Unary:
			expr(e.X)
		case *ast.Logic:
			expr(e.X)
			expr(e.Y)
		case *ast.IfExp:
			expr(e.Cond)
			expr(e.Body)
			expr(e.Else)
		case *ast.Compare:
			for _, x := range e.Operands {
				expr(x)
			}
		case *ast.ListLit:
			for _, x := range e.Elems {
				expr(x)
			}
		case *ast.Call:
			id, ok := e.Func.(*ast.Ident)
			if !ok || !loopSafeBuiltins[fg.g.info.Builtins[id]] {
				safe = false
			}
			for _, x := range e.Args {
				expr(x)
			}
		case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit, *ast.StrLit:
		default:
			safe = false // an expression this analysis does not know
		}
	}
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Assign:
				expr(s.Value)
				target(s.Target)
			case *ast.AugAssign:
				expr(s.Value)
				target(s.Target)
			case *ast.ExprStmt:
				expr(s.X)
			case *ast.If:
				expr(s.Cond)
				stmts(s.Body)
				stmts(s.Else)
			case *ast.While:
				expr(s.Cond)
				stmts(s.Body)
			case *ast.For:
				assigned[s.Var().Name] = true
				expr(s.Iter)
				stmts(s.Body)
			case *ast.Return:
				expr(s.Value)
			case *ast.Assert:
				expr(s.Cond)
				expr(s.Msg)
			case *ast.Pass, *ast.Break, *ast.Continue:
			default:
				safe = false
			}
		}
	}
	expr(cond)
	stmts(body)
	if !safe {
		return nil
	}
	out := used[:0]
	for _, n := range used {
		if !assigned[n] {
			out = append(out, n)
		}
	}
	return out
}

// hoistLists loads the headers of the invariant lists of the loop s (a
// while or for loop) into locals and records them in fg.loops.cache; the
// returned function, called after the loop, forgets them and frees the
// locals.
func (fg *fgen) hoistLists(s ast.Stmt) func() {
	if !fg.g.on(PassHoist) {
		return func() {}
	}
	var added []string
	for _, name := range fg.invariantOf(s) {
		if _, ok := fg.loops.cache[name]; ok {
			continue // an enclosing loop holds it already
		}
		fg.g.rt.UseHeap()
		c := cachedList{len: fg.Temp(wasmbin.I64), data: fg.Temp(wasmbin.I32)}
		l := fg.local[name]
		fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.Set(c.len)
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.Set(c.data)
		if fg.localType(name).Elem.Kind == check.List && fg.loopOf(s).rowsStable {
			c.rows = true
			c.rowsFrom, c.rowsDone, c.rowsMin = fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
			fg.I64(0)
			fg.Tee(c.rowsFrom)
			fg.Set(c.rowsDone)
			fg.I64(math.MaxInt64)
			fg.Set(c.rowsMin)
		}
		if fg.loops.cache == nil {
			fg.loops.cache = map[string]cachedList{}
		}
		fg.loops.cache[name] = c
		added = append(added, name)
	}
	return func() {
		for _, name := range added {
			c := fg.loops.cache[name]
			delete(fg.loops.cache, name)
			fg.Release(wasmbin.I64, c.len)
			fg.Release(wasmbin.I32, c.data)
			if c.rows {
				fg.Release(wasmbin.I64, c.rowsFrom, c.rowsDone, c.rowsMin)
			}
		}
	}
}

// cachedOf returns the hoisted header of e when e is a list local whose
// header the enclosing loops hold in locals.
func (fg *fgen) cachedOf(e ast.Expr) (cachedList, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return cachedList{}, false
	}
	c, ok := fg.loops.cache[id.Name]
	return c, ok
}
