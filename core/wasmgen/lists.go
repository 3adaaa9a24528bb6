package wasmgen

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The lowering of list expressions and statements; the list helpers they
// call (allocation, push, pop, repetition, concatenation) and the layout
// are in core/wasmgen/rt.

// maxListLen bounds the length of a list (rt.MaxLen).
const maxListLen = rt.MaxLen

// widthOf returns the slot width of a list whose elements have kind k.
func widthOf(k check.Kind) rt.SlotWidth {
	if k == check.Bool {
		return rt.ByteSlots
	}
	return rt.WideSlots
}

// slotAddr turns a list's data address and an i32 index, on the stack,
// into the address of that slot.
func (fg *fgen) slotAddr(w rt.SlotWidth) { fg.ShiftAdd(int32(w)) }

// load reads the element of kind k at the address on the stack.
func (fg *fgen) load(k check.Kind, off int64) {
	switch k {
	case check.Int:
		fg.EmitImm(wasmbin.OpI64Load, off)
	case check.Float:
		fg.EmitImm(wasmbin.OpF64Load, off)
	case check.Bool: // one byte
		fg.EmitImm(wasmbin.OpI32Load8U, off)
	default: // list, str: the low half of the slot
		fg.EmitImm(wasmbin.OpI32Load, off)
	}
}

// store writes the element of kind k on the stack at the address below it.
// Bools and list addresses are widened so that the slot holds no garbage.
func (fg *fgen) store(k check.Kind, off int64) {
	switch k {
	case check.Int:
		fg.EmitImm(wasmbin.OpI64Store, off)
	case check.Float:
		fg.EmitImm(wasmbin.OpF64Store, off)
	case check.Bool:
		fg.EmitImm(wasmbin.OpI32Store8, off)
	default:
		fg.Emit(wasmbin.OpI64ExtendI32U)
		fg.EmitImm(wasmbin.OpI64Store, off)
	}
}

// fromBits converts the raw i64 slot bits on the stack to kind k.
func (fg *fgen) fromBits(k check.Kind) {
	switch k {
	case check.Float:
		fg.Emit(wasmbin.OpF64ReinterpretI64)
	case check.Bool, check.List, check.Str:
		fg.Emit(wasmbin.OpI32WrapI64)
	}
}

// listLit generates [a, b, ...]: a new list, then each element in order.
func (fg *fgen) listLit(e *ast.ListLit, t *check.Type) {
	l := fg.Temp(wasmbin.I32)
	w := widthOf(t.Elem.Kind)
	fg.I64(int64(len(e.Elems)))
	fg.Call(fg.g.rt.ListNew(w))
	fg.Set(l)
	if len(e.Elems) > 0 {
		d := fg.Temp(wasmbin.I32)
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.Set(d)
		for i, x := range e.Elems {
			fg.Get(d)
			fg.expr(x)
			fg.store(t.Elem.Kind, int64(i<<w))
		}
		fg.Release(wasmbin.I32, d)
	}
	fg.Get(l)
	fg.Release(wasmbin.I32, l)
}

// slot leaves the address of x[i] (bounds checked), inline: x and i are
// evaluated in that order (a local is read in place, and a list local
// whose header a loop hoisted is not read at all), then slotAt.
func (fg *fgen) slot(x, i ast.Expr) {
	if fg.ivSlot(x, i) { // ivptr.go
		fg.g.rt.UseHeap()
		return
	}
	if fg.rowSlot(x, i) { // rowdata.go
		return
	}
	var ref listRef
	lTemp := false
	if c, ok := fg.cachedOf(x); ok {
		ref = listRef{cache: c, cached: true}
	} else {
		ref.l, lTemp = fg.operandLocal(x, wasmbin.I32, func() { fg.expr(x) })
	}
	ref.w = widthOf(fg.typeOf(x).Elem.Kind)
	ir := fg.RangeOf(i)
	ix, ixTemp := fg.operandLocal(i, wasmbin.I64, func() { fg.exprAs(i, check.Int) })
	if key := plan.ListKey(x); ref.cached && fg.loops.proven[key] != "" {
		if ii, ok := i.(*ast.Ident); ok && ii.Name == fg.loops.proven[key] {
			ref.inBounds = true
		}
	}
	if !ref.inBounds && fg.bounded(x, i, ir) { // listloops.go
		ref.inBounds = true
	}
	if row, ok := x.(*ast.Index); ok && fg.loops.provenRows[row] != "" {
		if ii, ok := i.(*ast.Ident); ok && ii.Name == fg.loops.provenRows[row] {
			ref.inBounds = true
		}
	}
	fg.slotAt(ref, ix, ir)
	if lTemp {
		fg.Release(wasmbin.I32, ref.l)
	}
	if ixTemp {
		fg.Release(wasmbin.I64, ix)
	}
}

// operandLocal returns the local holding the value of e: e's own local
// when e is a local variable of type vt, else a temporary (temp is true)
// that gen fills.
func (fg *fgen) operandLocal(e ast.Expr, vt wasmbin.ValType, gen func()) (idx uint32, temp bool) {
	if id, ok := e.(*ast.Ident); ok && fg.g.info.Consts[id] == nil {
		if t, ok := valType(fg.typeOf(e)); ok && t == vt {
			return fg.local[id.Name], false
		}
	}
	idx = fg.Temp(vt)
	gen()
	fg.Set(idx)
	return idx, true
}

// A listRef tells slotAt where a list's length and data pointer are: in
// the header at the address in local l, or, when cached, in the locals a
// loop hoisted them into (hoist.go).
type listRef struct {
	l      uint32
	cache  cachedList
	cached bool
	w      rt.SlotWidth // of the list's slots
	// inBounds is set when the index is known to be in bounds (version.go)
	inBounds bool
}

// length leaves the list's length as an i64.
func (fg *fgen) length(r listRef) {
	if r.cached {
		fg.Get(r.cache.len)
		return
	}
	fg.Load(wasmbin.OpI32Load, r.l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI64ExtendI32U)
}

// data leaves the list's data pointer.
func (fg *fgen) data(r listRef) {
	if r.cached {
		fg.Get(r.cache.data)
		return
	}
	fg.Load(wasmbin.OpI32Load, r.l, abi.ListDataOffset)
}

// slotAt leaves the address of l[i] for the list r and the i64 index in
// local i, whose values lie in ir, checked by boundIndex unless r is
// known in bounds. The local i is not changed (a[i] op= v checks the
// same i twice).
func (fg *fgen) slotAt(r listRef, i uint32, ir plan.Interval) {
	fg.g.rt.UseHeap()
	if r.inBounds {
		fg.data(r)
		fg.Get(i)
		fg.Emit(wasmbin.OpI32WrapI64)
		fg.slotAddr(r.w)
		return
	}
	n, release := fg.boundIndex(i, ir, func() { fg.length(r) })
	defer release()
	fg.data(r)
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.slotAddr(r.w)
}

// boundIndex makes the index in local i (whose values lie in ir) an
// offset below the length that length pushes (i64), trapping with
// ErrIndex when it is not: a negative index counts from the end, i +
// ((i >> 63) & len), without a branch and only when ir admits negative
// values; then one unsigned comparison against len, which also rejects an
// index still negative. It returns the local holding the offset (i itself
// when ir is non-negative; i is never changed) and the release of the
// temporary it may take.
func (fg *fgen) boundIndex(i uint32, ir plan.Interval, length func()) (uint32, func()) {
	n, release := i, func() {}
	if !ir.NonNeg() {
		n = fg.Temp(wasmbin.I64)
		release = func() { fg.Release(wasmbin.I64, n) }
		fg.Get(i)
		fg.Get(i)
		fg.I64(63)
		fg.Emit(wasmbin.OpI64ShrS)
		length()
		fg.Emit(wasmbin.OpI64And)
		fg.Emit(wasmbin.OpI64Add)
		fg.Set(n)
	}
	fg.Get(n)
	length()
	fg.Emit(wasmbin.OpI64GeU)
	fg.TrapIf(abi.ErrIndex)
	return n, release
}

// index generates x[i].
func (fg *fgen) index(e *ast.Index, t *check.Type) {
	if sl, ok := e.Index.(*ast.Slice); ok {
		fg.slice(e.X, sl)
		return
	}
	if fg.typeOf(e.X).Kind == check.Str {
		fg.strIndex(e.X, e.Index, false) // strindex.go
		return
	}
	if fg.typeOf(e.X).Kind == check.Tuple {
		// a value of an unpacking's temporary, by the lowering's literal
		k, _ := strconv.Atoi(e.Index.(*ast.IntLit).Text)
		fg.Get(fg.local[e.X.(*ast.Ident).Name] + uint32(k))
		return
	}
	fg.slot(e.X, e.Index)
	fg.load(t.Kind, 0)
}

// sortKind returns how the runtime's sort compares elements of kind k.
func sortKind(k check.Kind) rt.SortKind {
	switch k {
	case check.Float:
		return rt.SortFloats
	case check.Bool:
		return rt.SortBools
	case check.Str:
		return rt.SortStrs
	}
	return rt.SortInts
}

// strMethod generates a str method call: the string, then the argument,
// then the helper (core/wasmgen/rt strmethods.go).
func (fg *fgen) strMethod(e *ast.Call, at *ast.Attribute) {
	fg.expr(at.X)
	for _, a := range e.Args {
		fg.expr(a)
	}
	r := fg.g.rt
	helper := map[string]func() uint32{
		"lower": r.StrLower, "upper": r.StrUpper, "strip": r.StrStrip, "join": r.StrJoin,
		"startswith": r.StrStartsWith, "endswith": r.StrEndsWith, "split": r.StrSplit,
		"find": r.StrFind, "count": r.StrCount, "replace": r.StrReplace,
	}[fg.g.info.Methods[at.Name]]
	if fg.g.info.Methods[at.Name] == "split" && len(e.Args) == 1 {
		helper = r.StrSplitSep
	}
	fg.Call(helper())
}

// slice generates x[lo:hi:step] of a list or a str: x, then the parts
// present in order, then the helper (core/wasmgen/rt slices.go), told
// which parts are absent.
func (fg *fgen) slice(x ast.Expr, sl *ast.Slice) {
	xt := fg.typeOf(x)
	fg.expr(x)
	present := int32(0)
	for i, part := range []ast.Expr{sl.Lo, sl.Hi, sl.Step} {
		if part == nil {
			fg.I64(0)
			continue
		}
		present |= []int32{rt.SliceLo, rt.SliceHi, rt.SliceStep}[i]
		fg.exprAs(part, check.Int)
	}
	fg.I32(present)
	if xt.Kind == check.Str {
		fg.Call(fg.g.rt.StrSlice())
		return
	}
	fg.Call(fg.g.rt.Slice(widthOf(xt.Elem.Kind)))
}

// setIndex generates x[i] = v and x[i] op= v with Python's order: for
// `=`, v then x then i; for `op=`, x, i, the element, v, then the store,
// whose index is checked again (v may have shrunk the list).
func (fg *fgen) setIndex(tg *ast.Index, value ast.Expr, aug *ast.AugAssign) {
	et := fg.typeOf(tg)
	vt, _ := valType(et)
	if aug == nil {
		v := fg.Temp(vt)
		fg.expr(value)
		fg.Set(v)
		fg.slot(tg.X, tg.Index)
		fg.Get(v)
		fg.store(et.Kind, 0)
		fg.Release(vt, v)
		return
	}
	i, r := fg.Temp(wasmbin.I64), fg.Temp(vt)
	ref, lTemp := listRef{}, false
	if c, ok := fg.cachedOf(tg.X); ok {
		ref = listRef{cache: c, cached: true}
	} else {
		ref.l, lTemp = fg.Temp(wasmbin.I32), true
		fg.expr(tg.X)
		fg.Set(ref.l)
	}
	ref.w = widthOf(et.Kind)
	ir := fg.RangeOf(tg.Index)
	ref.inBounds = fg.bounded(tg.X, tg.Index, ir) // listloops.go
	fg.exprAs(tg.Index, check.Int)
	fg.Set(i)
	fg.binaryWith(aug.Op, func() {
		fg.slotAt(ref, i, ir)
		fg.load(et.Kind, 0)
	}, et.Kind, plan.FullRange, value, et)
	fg.Set(r)
	fg.slotAt(ref, i, ir)
	fg.Get(r)
	fg.store(et.Kind, 0)
	if lTemp {
		fg.Release(wasmbin.I32, ref.l)
	}
	fg.Release(wasmbin.I64, i)
	fg.Release(vt, r)
}

// method generates lst.append(v) and lst.pop([i]), and the str methods
// (strMethod).
func (fg *fgen) method(e *ast.Call, at *ast.Attribute, t *check.Type) {
	lt := fg.typeOf(at.X)
	if lt.Kind == check.Str {
		fg.strMethod(e, at)
		return
	}
	switch fg.g.info.Methods[at.Name] {
	case "sort":
		fg.expr(at.X)
		if fg.g.info.SortReverse[e] {
			fg.Call(fg.g.rt.SortDesc(sortKind(lt.Elem.Kind))) // rt/sort.go
			break
		}
		fg.Call(fg.g.rt.Sort(sortKind(lt.Elem.Kind))) // rt/sort.go
	case "append":
		ek := lt.Elem.Kind
		vt, _ := valType(lt.Elem)
		// the list, then the value (Python's order); a full list grows
		// through the helper, and the slot is written here
		w := widthOf(ek)
		l, n, v := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32), fg.Temp(vt)
		fg.expr(at.X)
		fg.Set(l)
		fg.expr(e.Args[0])
		fg.Set(v)
		fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
		fg.Tee(n)
		fg.Load(wasmbin.OpI32Load, l, abi.ListCapOffset)
		fg.Emit(wasmbin.OpI32Eq)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.Get(l)
		fg.Call(fg.g.rt.Grow(w))
		fg.End()
		fg.Get(l)
		fg.OffsetI32(n, 1)
		fg.EmitImm(wasmbin.OpI32Store, abi.ListLenOffset)
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.Get(n)
		fg.slotAddr(w)
		fg.Get(v)
		fg.store(ek, 0)
		fg.Release(wasmbin.I32, l, n)
		fg.Release(vt, v)
	case "pop":
		fg.expr(at.X)
		if len(e.Args) == 1 {
			fg.exprAs(e.Args[0], check.Int)
		} else {
			fg.I64(-1)
		}
		fg.Call(fg.g.rt.Pop(widthOf(lt.Elem.Kind)))
		fg.fromBits(t.Kind)
	case "extend":
		fg.expr(at.X)
		fg.expr(e.Args[0])
		fg.Call(fg.g.rt.Extend(widthOf(lt.Elem.Kind))) // rt/lists.go
	default:
		panic("method not compiled")
	}
}

// eachElem emits a loop over the elements of the list in local l, from
// index start; body runs with the element (of kind k) on the stack. The
// length is read at every step, as Python's list iterator does.
func (fg *fgen) eachElem(l uint32, start int32, k check.Kind, body func()) {
	i := fg.Temp(wasmbin.I32)
	fg.I32(start)
	fg.Set(i)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(i)
	fg.Load(wasmbin.OpI32Load, l, abi.ListLenOffset)
	fg.Emit(wasmbin.OpI32GeU)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
	fg.Get(i)
	fg.slotAddr(widthOf(k))
	fg.load(k, 0)
	vt, _ := valType(&check.Type{Kind: k})
	v := fg.Temp(vt)
	fg.Set(v)
	fg.Get(i)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(i)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markContinue)
	fg.Get(v) // a block cannot take operands from outside
	body()
	fg.End()
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.Release(wasmbin.I32, i)
	fg.Release(vt, v)
}

// forList generates `for x in lst`.
func (fg *fgen) forList(s *ast.For) {
	lt := fg.typeOf(s.Iter)
	l := fg.Temp(wasmbin.I32)
	fg.expr(s.Iter)
	fg.Set(l)
	if fg.StableListLoop(s) {
		fg.forListStable(s, l) // listloops.go
		fg.Release(wasmbin.I32, l)
		return
	}
	fg.eachElem(l, 0, lt.Elem.Kind, func() {
		fg.Set(fg.local[s.Var().Name])
		fg.interruptCheck() // each iteration (interrupt.go)
		fg.block(s.Body)
	})
	fg.Release(wasmbin.I32, l)
}

// listBuiltin generates len, sum, min and max of a list; ok is false for
// other calls.
func (fg *fgen) listBuiltin(name string, args []ast.Expr, t *check.Type) bool {
	if len(args) != 1 || fg.typeOf(args[0]).Kind != check.List {
		return false
	}
	ek := fg.typeOf(args[0]).Elem.Kind
	switch name {
	case "sorted":
		fg.expr(args[0])
		fg.Call(fg.g.rt.Sorted(sortKind(ek))) // rt/sort.go
	case "len":
		if fg.cachedLen(args[0]) { // listloops.go
			break
		}
		fg.expr(args[0])
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI64ExtendI32U)
	case "sum":
		l, acc := fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I64)
		fg.expr(args[0])
		fg.Set(l)
		fg.I64(0)
		fg.Set(acc)
		fg.eachElem(l, 0, ek, func() {
			fg.promote(ek, check.Int)
			e := fg.Temp(wasmbin.I64)
			fg.Set(e)
			fg.Get(acc)
			fg.Get(e)
			fg.Release(wasmbin.I64, e)
			fg.intAdd(plan.FullRange, plan.FullRange)
			fg.Set(acc)
		})
		fg.Get(acc)
		fg.Release(wasmbin.I32, l)
		fg.Release(wasmbin.I64, acc)
	case "min", "max":
		vt, _ := valType(t)
		l, acc, cur := fg.Temp(wasmbin.I32), fg.Temp(vt), fg.Temp(vt)
		fg.expr(args[0])
		fg.Tee(l)
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.Emit(wasmbin.OpI32Eqz)
		fg.TrapIf(abi.ErrValue) // max() arg is an empty sequence
		fg.Load(wasmbin.OpI32Load, l, abi.ListDataOffset)
		fg.load(ek, 0)
		fg.Set(acc)
		op := cmpOps[t.Kind][ast.CmpGt]
		if name == "min" {
			op = cmpOps[t.Kind][ast.CmpLt]
		}
		fg.eachElem(l, 1, ek, func() {
			fg.Tee(cur)
			fg.Get(acc)
			fg.Get(cur)
			fg.Get(acc)
			fg.Emit(op)
			fg.Emit(wasmbin.OpSelect)
			fg.Set(acc)
		})
		fg.Get(acc)
		fg.Release(wasmbin.I32, l)
		fg.Release(vt, acc, cur)
	default:
		return false
	}
	return true
}

// contains generates `x in lst` (negated for `not in`) as an i32, with
// x's code emitted by needle (of kind nk). Equal elements are found with
// ==; a nan needle meeting a nan element traps with ErrUnsupported, since
// Python would answer by object identity, which compiled floats lack.
func (fg *fgen) contains(needle func(), nk check.Kind, lst func(), ek check.Kind, negate bool) {
	k := nk
	if k == check.Bool && ek == check.Int {
		k = check.Int
	}
	vt, _ := valType(&check.Type{Kind: k})
	x, l, found := fg.Temp(vt), fg.Temp(wasmbin.I32), fg.Temp(wasmbin.I32)
	needle()
	fg.promote(nk, k)
	fg.Set(x)
	lst()
	fg.Set(l)
	fg.I32(0)
	fg.Set(found)
	fg.eachElem(l, 0, ek, func() {
		fg.promote(ek, k)
		if k == check.Str {
			fg.Get(x)
			fg.Call(fg.g.rt.StrEq())
			fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
			fg.I32(1)
			fg.Set(found)
			fg.EmitImm(wasmbin.OpBr, fg.Depth(markBreak))
			fg.End()
			return
		}
		e := fg.Temp(vt)
		fg.Tee(e)
		fg.Get(x)
		fg.Emit(cmpOps[k][ast.CmpEq])
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.I32(1)
		fg.Set(found)
		fg.EmitImm(wasmbin.OpBr, fg.Depth(markBreak))
		fg.End()
		if k == check.Float {
			fg.Bin(wasmbin.OpF64Ne, x, x)
			fg.Bin(wasmbin.OpF64Ne, e, e)
			fg.Emit(wasmbin.OpI32And)
			fg.TrapIf(abi.ErrUnsupported)
		}
		fg.Release(vt, e)
	})
	fg.Get(found)
	if negate {
		fg.Emit(wasmbin.OpI32Eqz)
	}
	fg.Release(vt, x)
	fg.Release(wasmbin.I32, l, found)
}

// listBinary generates list * n, n * list and list + list of type t; left
// emits the left operand, of kind xk.
func (fg *fgen) listBinary(op ast.BinaryOp, left func(), xk check.Kind, y ast.Expr, t *check.Type) {
	w := widthOf(t.Elem.Kind)
	if op == ast.OpAdd {
		fg.seqBinary(op, left, xk, y, check.List, fg.g.rt.Concat(w), 0)
		return
	}
	fg.seqBinary(op, left, xk, y, check.List, 0, fg.g.rt.Repeat(w))
}

// seqBinary generates a + b, a * n and n * a for sequences of kind k (a
// list or a str): concat or repeat is the helper called, and left emits the
// left operand, of kind xk. Operands are evaluated left to right.
func (fg *fgen) seqBinary(op ast.BinaryOp, left func(), xk check.Kind, y ast.Expr, k check.Kind, concat, repeat uint32) {
	switch {
	case op == ast.OpAdd:
		left()
		fg.expr(y)
		fg.Call(concat)
	case xk == k:
		left()
		fg.exprAs(y, check.Int)
		fg.Call(repeat)
	default: // n * a: n is evaluated first
		n := fg.Temp(wasmbin.I64)
		left()
		fg.promote(xk, check.Int)
		fg.Set(n)
		fg.expr(y)
		fg.Get(n)
		fg.Release(wasmbin.I64, n)
		fg.Call(repeat)
	}
}
