package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Building a string by appending to a local (`r = r + x`, `r += x`) would
// copy the whole string at every step, since strings are immutable: n
// appends of one character would cost n²/2 bytes of copying and of arena.
// Such a statement calls __ml_str_append instead, which extends r's object
// in place when that is invisible:
//
//   - the object carries the "owned" mark (bit 30 of its count, strMark),
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

// strMark is the owned mark in a string's count field (counts are at most
// 2**28, abi.go); strCount masks it.
const strMark = 1 << 30

// appendTargets returns the str locals of body that some statement
// appends to (`r = r + x` or `r += x`).
func (fg *fgen) appendTargets(body []ast.Stmt) map[string]bool {
	out := map[string]bool{}
	ast.InspectStmts(body, func(n ast.Node) bool {
		if r, _, ok := fg.appendStmt(n); ok {
			out[r.Name] = true
		}
		return true
	})
	return out
}

// appended reports whether name is a str local of the function that the
// plan appends to in place (and not, at this point, the name of an inlined
// callee's parameter: leafguard.go).
func (fg *fgen) appended(name string) bool {
	return fg.plan.appends[name] && !fg.inlined[name]
}

// appendStmt reports whether n is `r = r + x` or `r += x` for a str local
// r, returning r and x.
func (fg *fgen) appendStmt(n ast.Node) (*ast.Ident, ast.Expr, bool) {
	if !fg.g.on(PassStrAppend) {
		return nil, nil, false
	}
	switch s := n.(type) {
	case *ast.Assign:
		r, ok := s.Target.(*ast.Ident)
		b, isBin := s.Value.(*ast.Binary)
		if !ok || !isBin || b.Op != ast.OpAdd {
			return nil, nil, false
		}
		x, ok := b.X.(*ast.Ident)
		if !ok || x.Name != r.Name || !fg.isStrLocal(r.Name) {
			return nil, nil, false
		}
		return r, b.Y, true
	case *ast.AugAssign:
		r, ok := s.Target.(*ast.Ident)
		if !ok || s.Op != ast.OpAdd || !fg.isStrLocal(r.Name) {
			return nil, nil, false
		}
		return r, s.Value, true
	}
	return nil, nil, false
}

// isStrLocal reports whether name is a local of type str.
func (fg *fgen) isStrLocal(name string) bool {
	t, ok := fg.localTypes()[name]
	return ok && t.Kind == check.Str
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
	fg.I32(^strMark)
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

// appendTo generates the append statement r = r + x.
func (fg *fgen) appendTo(r *ast.Ident, x ast.Expr) {
	fg.Get(fg.local[r.Name])
	fg.expr(x)
	if fg.freshStr(x) {
		fg.I32(1)
	} else {
		fg.I32(0)
	}
	fg.Call(fg.shelper("__ml_str_append", genStrAppend))
	fg.Set(fg.local[r.Name])
}

// genStrAppend builds __ml_str_append(r, x, fresh i32) -> i32, the string
// r + x for an append statement (see above): r itself extended in place
// when r is marked and last in the arena, else a new marked copy. With
// fresh set, x's object may be absorbed when it lies right after r at the
// end of the arena.
func genStrAppend(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"r", "x", "fresh"}
	const r, x, fresh = 0, 1, 2
	nb, m, count, end, n := fg.Named(wasmbin.I32, "nb"), fg.Named(wasmbin.I32, "m"), fg.Named(wasmbin.I32, "count"),
		fg.Named(wasmbin.I64, "end"), fg.Named(wasmbin.I32, "n")
	fg.Get(x)
	fg.strLen()
	fg.Tee(m)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(r)
	fg.Emit(wasmbin.OpReturn) // r + "" is r
	fg.End()
	fg.Get(r)
	fg.strLen()
	fg.Set(nb)
	// count of the result, checked like any new string's
	fg.Get(r)
	fg.strCount()
	fg.Get(x)
	fg.strCount()
	fg.Emit(wasmbin.OpI32Add)
	fg.Tee(count)
	fg.I32(maxListLen)
	fg.Emit(wasmbin.OpI32GtU)
	fg.TrapIf(abi.ErrMemory)
	fg.Load(wasmbin.OpI32Load, r, abi.StrCountOffset)
	fg.I32(strMark)
	fg.Emit(wasmbin.OpI32And)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty) // r is marked
	// absorb a fresh x that was allocated right after r, last
	fg.Get(fresh)
	fg.Get(r)
	fg.Get(nb)
	fg.objEnd()
	fg.align8()
	fg.Get(x)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Emit(wasmbin.OpI32And)
	fg.Get(x)
	fg.Get(m)
	fg.objEnd()
	fg.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Emit(wasmbin.OpI32And)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.copyAfter(r, nb, x, m) // overlapping, downwards: memmove
	fg.Get(r)
	fg.Bin(wasmbin.OpI32Add, nb, m)
	fg.objEnd()
	fg.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	fg.finishAppend(r, nb, m, count)
	fg.Get(r)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	// in place: nothing allocated after r's object (the arena's end and
	// r's end round up to the same 8-byte boundary)
	fg.Get(r)
	fg.Get(nb)
	fg.objEnd()
	fg.align8()
	fg.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	fg.align8()
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// make the arena end at r's new end E: past the 8-byte boundary the
	// arena reaches, through __ml_new (which grows memory); else in place
	fg.Get(r)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Get(nb)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Add)
	fg.Get(m)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Add)
	fg.I64(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI64Add)
	fg.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	fg.align8()
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Tee(end)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64GtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(end)
	fg.Call(fg.g.helper("__ml_new", genNew))
	fg.Emit(wasmbin.OpDrop)
	fg.Emit(wasmbin.OpElse)
	fg.Get(r)
	fg.Bin(wasmbin.OpI32Add, nb, m)
	fg.objEnd()
	fg.Tee(n)
	fg.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
	fg.Emit(wasmbin.OpI32GtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(n)
	fg.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
	fg.End()
	fg.End()
	fg.copyAfter(r, nb, x, m)
	fg.finishAppend(r, nb, m, count)
	fg.Get(r)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.End()
	// a new marked object holding r then x
	fg.Bin(wasmbin.OpI32Add, nb, m)
	fg.Get(count)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Tee(n)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(r)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(nb)
	fg.Emit(wasmbin.OpMemCopy)
	fg.Bin(wasmbin.OpI32Add, n, nb)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(x)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(m)
	fg.Emit(wasmbin.OpMemCopy)
	fg.Get(n)
	fg.Get(count)
	fg.I32(strMark)
	fg.Emit(wasmbin.OpI32Or)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
	fg.Get(n)
}

// objEnd turns the address of a string and its byte length, on the
// stack, into the end of its object (where the allocator left the arena).
func (fg *fgen) objEnd() {
	fg.Emit(wasmbin.OpI32Add)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
}

// align8 rounds the address on the stack up to a multiple of 8.
func (fg *fgen) align8() {
	fg.I32(7)
	fg.Emit(wasmbin.OpI32Add)
	fg.I32(-8)
	fg.Emit(wasmbin.OpI32And)
}

// copyAfter copies the m bytes of string x right after the nb bytes of
// string r (memory.copy, so the ranges may overlap).
func (fg *fgen) copyAfter(r, nb, x, m uint32) {
	fg.Get(r)
	fg.Get(nb)
	fg.objEnd()
	fg.Get(x)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(m)
	fg.Emit(wasmbin.OpMemCopy)
}

// finishAppend writes r's new length nb + m and count, keeping the mark.
func (fg *fgen) finishAppend(r, nb, m, count uint32) {
	fg.Get(r)
	fg.Bin(wasmbin.OpI32Add, nb, m)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	fg.Get(r)
	fg.Get(count)
	fg.I32(strMark)
	fg.Emit(wasmbin.OpI32Or)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrCountOffset)
}
