package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Building a string by appending to a local (`r = r + x`, `r += x`) would
// copy the whole string at every step, since strings are immutable: n
// appends of one character would cost n²/2 bytes of copying and of arena.
// Such a statement calls __ml_str_append instead, which extends r's object
// in place when that is invisible:
//
//   - the object carries the "owned" mark (bit 30 of its count, rt.StrMark),
//     which only __ml_str_append sets, on objects it creates for the
//     append's target, and
//   - the object is the last one in the arena, so the bytes after it are
//     free.
//
// Every read of such a local that could keep the object (assigning it,
// storing it in a list, passing it to a function, returning it, any
// operator that may return an operand itself, such as "" + r) clears the
// mark first (unmark); the reads that only look at the string (len,
// indexing, comparison, `in`, iteration, truth, ord, and the append's own
// left operand) leave it. So an object that another variable, list or
// caller can see is never marked, and extending a marked one in place is
// exactly like creating the new string. Python iterates over the object it
// started with: a loop over r extended in place still stops at its old end.
//
// When x is a fresh string (chr(), str(), or a character s[i]) that was
// allocated right after r, at the end of the arena, its bytes are moved
// down onto r's end and its object dropped, so that appending non-ASCII
// characters stays linear too.

// appended reports whether name is a str local of the function that the
// plan appends to in place (and not, at this point, the name of an inlined
// callee's parameter: leafguard.go).
func (fg *fgen) appended(name string) bool {
	return fg.plan.Appends[name] && !fg.Inlined[name]
}

// strLook generates a str operand in a context that only looks at it: an
// append target is read as it is, marked or not.
func (fg *fgen) strLook(e ast.Expr) {
	if id, ok := e.(*ast.Ident); ok && fg.appended(id.Name) {
		fg.Get(fg.local[id.Name])
		return
	}
	fg.expr(e)
}

// unmark clears the owned mark of the string whose address is in local l.
func (fg *fgen) unmark(l uint32) {
	fg.Get(l)
	fg.Load(wasmbin.OpI32Load, l, abi.StrCountOffset)
	fg.I32(^rt.StrMark)
	fg.Emit(wasmbin.OpI32And)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
}

// freshStr reports whether x always evaluates to a string object made for
// it, which no variable holds: chr(), str() of an int or bool, or s[i].
func (fg *fgen) freshStr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Index:
		return fg.typeOf(x.X).Kind == check.Str
	case *ast.Call:
		id, ok := x.Func.(*ast.Ident)
		if !ok || len(x.Args) != 1 {
			return false
		}
		switch fg.g.info.Builtins[id] {
		case "chr":
			return true
		case "str":
			k := fg.typeOf(x.Args[0]).Kind
			return k == check.Int || k == check.Bool
		}
	}
	return false
}

// appendTo generates the append statement r = r + x: one ASCII character
// appended in place inline, anything else through __ml_str_append
// (rt.AppendInline).
func (fg *fgen) appendTo(r *ast.Ident, x ast.Expr) {
	xs := fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I32, xs)
	fg.expr(x)
	fg.Set(xs)
	fg.g.rt.AppendInline(fg.Builder, fg.local[r.Name], xs, fg.freshStr(x))
	fg.Set(fg.local[r.Name])
}
