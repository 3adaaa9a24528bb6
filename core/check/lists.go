package check

import (
	"fmt"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Lists of int, float, bool and of such lists are compiled. A list is
// typed by its element type, which every element must have exactly (a
// Python list [1, True] mixes int and bool: it stays Python-only).
//
// An empty literal [] gets the type list[?] whose element type is a hole:
// the first use that constrains it (an append, an element assignment, a
// parameter or result type, another list) fills the hole in place, so every
// expression sharing it sees the element type. Reading an element while
// the hole is still open keeps the function Python-only; a hole still open
// at the end of the function belongs to a list that never holds an element,
// and becomes int.

// newHole returns a fresh unknown element type.
func newHole() *Type { return &Type{hole: true} }

// unify reports whether values of types a and b can be used as one type,
// filling holes on either side.
func unify(a, b *Type) bool {
	if a == nil || b == nil {
		return false
	}
	if a == b {
		return true
	}
	switch {
	case a.hole && b.hole:
		return false // two unknowns: not linked, keep it simple
	case a.hole:
		if occurs(a, b) {
			return false // a = []; a.append(a): a list holding itself
		}
		*a = Type{Kind: b.Kind, Elem: b.Elem}
		return true
	case b.hole:
		if occurs(b, a) {
			return false
		}
		*b = Type{Kind: a.Kind, Elem: a.Elem}
		return true
	}
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == List {
		return unify(a.Elem, b.Elem)
	}
	if a.Kind == Tuple {
		if len(a.Elems) != len(b.Elems) {
			return false
		}
		for i := range a.Elems {
			if !unify(a.Elems[i], b.Elems[i]) {
				return false
			}
		}
	}
	return true
}

// occurs reports whether the hole h is one of the element types of t:
// filling h with t would make a type that contains itself (a list that
// holds itself), which no compiled type is and on which every walk of
// the element types would recurse forever.
func occurs(h, t *Type) bool {
	for ; t != nil; t = t.Elem {
		if t == h {
			return true
		}
	}
	return false
}

// compilable reports whether values of type t exist in compiled code: a
// scalar, or a list of compilable elements (or of a still unknown one).
func compilable(t *Type) bool {
	if t == nil {
		return false
	}
	if t.hole || scalar(t) || t.Kind == Str {
		return true
	}
	return t.Kind == List && compilable(t.Elem)
}

// closeHoles sets every hole still open in t to int.
func closeHoles(t *Type) {
	for t != nil {
		if t.hole {
			*t = Type{Kind: Int}
			return
		}
		t = t.Elem
	}
}

// elemOf returns the element type of the list type t read at sp, or
// TUnknown (and the function Python-only) when it is not known yet.
func (st *fstate) elemOf(t *Type, sp source.Span) *Type {
	if t.Elem == nil || t.Elem.hole {
		st.pyOnly(sp, "an element of an empty list is read before its type is known")
		return TUnknown
	}
	return t.Elem
}

// isIndex reports whether t can index a list: int or bool.
func isIndex(t *Type) bool { return t.Kind == Int || t.Kind == Bool }

// index types x[i].
func (st *fstate) index(e *ast.Index, in set) *Type {
	if sl, ok := e.Index.(*ast.Slice); ok {
		return st.slice(e, sl, in)
	}
	xt := st.expr(e.X, in)
	it := st.expr(e.Index, in)
	if xt.Kind == Unknown || it.Kind == Unknown {
		return TUnknown
	}
	if xt.Kind == Str {
		return st.strIndex(e, it)
	}
	if xt.Kind == Tuple {
		// an unpacking's temporary, indexed by the lowering's literals
		if k, ok := e.Index.(*ast.IntLit); ok {
			if i, err := strconv.Atoi(k.Text); err == nil && i >= 0 && i < len(xt.Elems) {
				return xt.Elems[i]
			}
		}
		st.pyOnly(spanOf(e), "indexing a tuple runs only in Python")
		return TUnknown
	}
	if xt.Kind != List {
		st.pyOnly(spanOf(e), "indexing a %s runs only in Python", xt)
		return TUnknown
	}
	if !isIndex(it) {
		st.pyOnly(spanOf(e.Index), "a list index of type %s runs only in Python", it)
		return TUnknown
	}
	return st.elemOf(xt, spanOf(e))
}

// slice types x[lo:hi:step] of a list or a str, a new list or str (the
// generator's helpers follow CPython's index adjustment): the parts
// present are ints (or bools). A str with characters beyond ASCII makes
// the slice trap and the call re-run in Python (core/wasmgen/rt slices.go).
func (st *fstate) slice(e *ast.Index, sl *ast.Slice, in set) *Type {
	xt := st.expr(e.X, in)
	ok := xt.Kind != Unknown
	for _, part := range []ast.Expr{sl.Lo, sl.Hi, sl.Step} {
		if isNil(part) {
			continue
		}
		pt := st.expr(part, in)
		if pt.Kind == Unknown {
			ok = false
		} else if !isIndex(pt) {
			st.pyOnly(spanOf(part), "a slice bound of type %s runs only in Python", pt)
			ok = false
		}
	}
	if !ok {
		return TUnknown
	}
	if xt.Kind != List && xt.Kind != Str {
		st.pyOnly(spanOf(e), "slicing a %s runs only in Python", xt)
		return TUnknown
	}
	return xt
}

// setIndex types the assignment x[i] = v, or x[i] op= v when aug is set.
// Python evaluates v first, then x and i. An assignment to an element of
// an empty list fills its element type (it raises IndexError at run time,
// but the type is known).
func (st *fstate) setIndex(tg *ast.Index, value ast.Expr, aug *ast.AugAssign, in set) {
	if _, ok := tg.Index.(*ast.Slice); ok {
		st.expr(value, in)
		st.pyOnly(spanOf(tg), "assigning to a slice runs only in Python")
		return
	}
	var vt *Type
	if aug == nil {
		vt = st.expr(value, in)
	}
	xt := st.expr(tg.X, in)
	it := st.expr(tg.Index, in)
	if aug != nil {
		vt = st.expr(value, in)
	}
	if xt.Kind == Unknown || it.Kind == Unknown || vt.Kind == Unknown {
		return
	}
	if xt.Kind == Str {
		st.pyOnly(spanOf(tg), "assigning to a character of a str raises TypeError in Python (strings are immutable)")
		return
	}
	if xt.Kind != List {
		st.pyOnly(spanOf(tg), "assigning to an element of a %s runs only in Python", xt)
		return
	}
	if !isIndex(it) {
		st.pyOnly(spanOf(tg.Index), "a list index of type %s runs only in Python", it)
		return
	}
	if aug == nil && xt.Elem != nil && xt.Elem.hole {
		unify(xt.Elem, vt)
	}
	et := st.elemOf(xt, spanOf(tg))
	if et.Kind == Unknown {
		return
	}
	st.c.info.Types[tg] = et
	if aug != nil {
		vt = st.arith(aug.Op, aug.OpPos, et, vt)
		if vt.Kind == Unknown {
			return
		}
	}
	if !unify(et, vt) {
		st.pyOnly(spanOf(tg), "storing a %s in a list of %s runs only in Python", vt, et)
	}
}

// listLit types [a, b, ...]: every element has one type.
func (st *fstate) listLit(e *ast.ListLit, in set) *Type {
	if len(e.Elems) == 0 {
		h := newHole()
		st.holes = append(st.holes, h)
		return ListOf(h)
	}
	var elem *Type
	for _, x := range e.Elems {
		t := st.expr(x, in)
		if t.Kind == Unknown {
			return TUnknown
		}
		if !compilable(t) {
			st.pyOnly(spanOf(x), "a list of %s runs only in Python", t)
			return TUnknown
		}
		if elem == nil {
			elem = t
			continue
		}
		if !unify(elem, t) {
			st.pyOnly(spanOf(x), "a list mixing %s and %s runs only in Python", elem, t)
			return TUnknown
		}
	}
	return ListOf(elem)
}

// listArith types list * int, int * list and list + list.
func (st *fstate) listArith(op ast.BinaryOp, pos source.Span, xt, yt *Type) *Type {
	switch {
	case op == ast.OpMul && xt.Kind == List && isIndex(yt):
		return xt
	case op == ast.OpMul && yt.Kind == List && isIndex(xt):
		return yt
	case op == ast.OpAdd && xt.Kind == List && yt.Kind == List:
		if unify(xt, yt) {
			return xt
		}
	}
	st.pyOnly(pos, "'%s' between a %s and a %s runs only in Python", op, xt, yt)
	return TUnknown
}

// listMethods are the list methods compiled, by canonical English name.
// The language tables have no method names yet: localizedMethods
// (resolve.go) is where localized spellings are looked up.
var listMethods = map[string]bool{"append": true, "pop": true, "sort": true, "extend": true}

// method types a method call x.name(args).
func (st *fstate) method(e *ast.Call, at *ast.Attribute, args []*Type, in set) *Type {
	xt := st.expr(at.X, in)
	name := at.Name.Name
	canon, known := st.c.info.Methods[at.Name] // set by the resolver
	if xt.Kind == Unknown {
		return TUnknown
	}
	for _, t := range args {
		if t.Kind == Unknown {
			return TUnknown
		}
	}
	if xt.Kind == Str && known && strMethods[canon] {
		return st.strMethod(e, canon, args) // strings.go
	}
	if xt.Kind != List || !known || !listMethods[canon] {
		st.pyOnly(at.Name.Pos, "the method call .%s() on a %s runs only in Python", name, xt)
		return TUnknown
	}
	switch canon {
	case "append":
		if len(args) != 1 {
			st.pyOnly(spanOf(e), "append() takes exactly one argument")
			return TUnknown
		}
		if !compilable(args[0]) || !unify(xt.Elem, args[0]) {
			st.pyOnly(spanOf(e.Args[0]), "appending a %s to a %s runs only in Python", args[0], xt)
			return TUnknown
		}
		return TNone
	case "extend":
		// by a list of the same element type (core/wasmgen/rt lists.go);
		// any other iterable runs in Python
		if len(args) != 1 || args[0].Kind != List || !unify(xt.Elem, args[0].Elem) {
			st.pyOnly(spanOf(e), "this extend() runs only in Python")
			return TUnknown
		}
		return TNone
	case "pop":
		if len(args) > 1 || len(args) == 1 && !isIndex(args[0]) {
			st.pyOnly(spanOf(e), "this pop() runs only in Python")
			return TUnknown
		}
		return st.elemOf(xt, spanOf(e))
	case "sort":
		// ints, floats, bools or strs; reverse= is sortReverse's
		if et := st.elemOf(xt, spanOf(e)); len(args) != 0 || !scalar(et) && !isStr(et) {
			st.pyOnly(spanOf(e), "this sort() runs only in Python")
			return TUnknown
		}
		return TNone
	}
	return TUnknown
}

// sortReverse records the keyword of sorted(xs, reverse=R) or
// xs.sort(reverse=R), R a bool literal (the subset lets no other keyword
// through), in Info.SortReverse; any other call with a keyword runs only
// in Python. The list's type is checked where the call is typed.
// CPython's reverse=True keeps the sort stable: it reverses the list,
// sorts it and reverses it again, as core/wasmgen/rt sort.go does.
func (st *fstate) sortReverse(e *ast.Call) bool {
	ok := false
	switch f := e.Func.(type) {
	case *ast.Ident:
		ok = st.c.kinds[f] == kindBuiltin && st.c.info.Builtins[f] == "sorted" && len(e.Args) == 1
	case *ast.Attribute:
		ok = f.Name != nil && st.c.info.Methods[f.Name] == "sort" && len(e.Args) == 0
	}
	if !ok {
		st.pyOnly(spanOf(e.Keywords[0]), "passes keyword arguments")
		return false
	}
	if st.c.info.SortReverse == nil {
		st.c.info.SortReverse = map[*ast.Call]bool{}
	}
	st.c.info.SortReverse[e] = e.Keywords[0].Value.(*ast.BoolLit).Value
	return true
}

// listBuiltin types len, sum, min and max of one list argument; ok is
// false when the call is not one of those.
func (st *fstate) listBuiltin(e *ast.Call, id *ast.Ident, name string, args []*Type) (*Type, bool) {
	if len(args) != 1 || args[0].Kind != List {
		return nil, false
	}
	lt := args[0]
	switch name {
	case "len":
		return TInt, true
	case "sum":
		et := st.elemOf(lt, spanOf(e))
		switch et.Kind {
		case Int, Bool:
			return TInt, true
		case Float:
			// CPython 3.12 sums floats with compensated (Neumaier)
			// summation and 3.10/3.11 do not; sum([]) is the int 0
			st.pyOnly(id.Pos, "sum() of floats runs only in Python (its rounding depends on the Python version)")
			return TUnknown, true
		}
	case "min", "max":
		et := st.elemOf(lt, spanOf(e))
		if scalar(et) {
			return et, true
		}
	case "sorted":
		// a list of ints, floats, bools or strs (core/wasmgen/rt sort.go)
		if et := st.elemOf(lt, spanOf(e)); scalar(et) || isStr(et) {
			return ListOf(et), true
		}
	}
	if name == "len" || name == "sum" || name == "min" || name == "max" || name == "sorted" {
		if !st.fn.Compilable {
			return TUnknown, true
		}
		st.pyOnly(id.Pos, "%s() of a %s runs only in Python", id.Name, lt)
		return TUnknown, true
	}
	return nil, false
}

// membership types `x in lst` / `x not in lst` between types a and b.
func (st *fstate) membership(op ast.CmpOp, pos source.Span, a, b *Type) bool {
	if b.Kind == Str {
		return st.strMembership(op, pos, a, b)
	}
	if b.Kind != List {
		st.pyOnly(pos, "'%s' on a %s runs only in Python", op, b)
		return false
	}
	et := st.elemOf(b, pos)
	if et.Kind == Unknown {
		return false
	}
	intLike := func(t *Type) bool { return t.Kind == Int || t.Kind == Bool }
	if isStr(a) && isStr(et) {
		return true
	}
	if !scalar(a) || !scalar(et) || !(a.Kind == et.Kind || intLike(a) && intLike(et)) {
		st.pyOnly(pos, "'%s' of a %s in a %s runs only in Python", op, a, b)
		return false
	}
	return true
}

// finishLists closes the holes of st and applies the bridge rule: a
// compilable function with a list in its signature becomes Internal.
func (st *fstate) finishLists() {
	for _, h := range st.holes {
		closeHoles(h)
	}
}

// markInternal turns compilable functions whose signature has a list into
// Internal ones; it runs after propagate, so their callers stay compilable.
func (c *checker) markInternal() {
	for _, st := range c.states {
		fn := st.fn
		if !fn.Compilable {
			continue
		}
		list := hasHeap(fn.Result)
		for _, p := range fn.Params {
			list = list || hasHeap(p)
		}
		if list {
			fn.Compilable = false
			fn.Internal = true
			fn.Reason = fmt.Sprintf("line %d: list and str arguments and results cross the bridge through linear memory", st.d.Pos.Start.Line)
		}
	}
}
