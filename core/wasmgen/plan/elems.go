package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Intervals of the elements of list locals (the elems pass). A list[int]
// local L that the function builds and changes itself, and that no other
// name can reach, holds only values that the function stored into it:
//
//	a = []
//	for i in range(n):
//	    a.append((i * 7919) % 1009)      every element is in [0, 1008]
//	for x in a:
//	    s = s + x * r                    x * r needs no overflow check
//
// L qualifies when it is a local (not a parameter) of type list[int] and
// every occurrence of its name is one of:
//   - `L = [e1, ..., ek]` or `L = [e1, ..., ek] * n` (or `n * [...]`),
//     which store e1..ek (an empty literal stores nothing);
//   - `L.append(v)`, which stores v; `L.pop(...)`, which stores nothing;
//   - `L[i] = v`, which stores v, and `L[i] op= v`, which stores
//     L[i] op v for + - * (and anything for the other operators);
//   - a read: `L[i]`, `L[a:b]` (a new list), `for x in L`, `return L`, L
//     as an argument of a builtin that neither changes its arguments nor
//     returns one of them (readingBuiltin: len, sum, sorted, ...; min and
//     max of one argument, since max(L, M) returns L or M).
// Any other occurrence (`M = L`, `f(L)`, `M.append(L)`, `L += M`, a
// comprehension over L, a keyword or a parameter named L) could let
// another name store into L, so L gets no interval.
//
// The interval is found as the counters pass finds a local's (counters.go):
// starting from [0, 0], each round takes the hull of the last round's
// interval and of the intervals of all stored values, computed with the
// lists' elements in the last round's intervals, the first round exactly,
// the later ones widening an end that moves to the end of i64. The result
// is an inductive invariant: each stored value, computed from elements in
// the intervals (and locals in their function-wide intervals), lies in
// it, so every element ever stored does.
//
// LoopFacts computes the intervals twice: first with the facts of the
// range loop variables only, so that counters.go can give the variable of
// `for x in L` L's interval, then again once the locals' intervals are
// known, keeping the intersection (both are sound).

// ElemRange returns the interval of the elements of the list local name,
// if the elems pass found one. Inside a callee's leading guard lowered in
// place (Inlined), the name is the callee's, not the local's: no interval.
func (rg *Func) ElemRange(name string) (Interval, bool) {
	if rg.Inlined[name] {
		return Interval{}, false
	}
	r, ok := rg.elems[name]
	return r, ok
}

// elemStore is one value stored into a list (see above): value, or
// old op value for an augmented store.
type elemStore struct {
	value ast.Expr
	op    ast.BinaryOp
	aug   bool
}

// elemRanges computes rg.elems (see above), intersecting with the
// intervals already there.
func (rg *Func) elemRanges() {
	if !rg.Passes.Has(PassElems) {
		rg.elems = nil
		return
	}
	stores := rg.elemStores()
	prev := rg.elems
	cur := map[string]Interval{}
	for name := range stores {
		cur[name] = Interval{Lo: 0, Hi: 0}
	}
	for round := 0; ; round++ {
		if round > 2*len(stores)+2 {
			cur = nil // no invariant within the rounds (cannot happen)
			break
		}
		rg.elems = cur
		rg.memo = nil
		next := map[string]Interval{}
		changed := false
		for name, ss := range stores {
			r := cur[name]
			h := r
			for _, s := range ss {
				v := rg.RangeOf(s.value)
				if s.aug {
					v = opRange(s.op, r, v)
				}
				h = Interval{Lo: min(h.Lo, v.Lo), Hi: max(h.Hi, v.Hi)}
			}
			var moved bool
			next[name], moved = widened(round, r, h) // counters.go
			changed = changed || moved
		}
		if !changed {
			break
		}
		cur = next
	}
	out := map[string]Interval{}
	for name, r := range cur {
		if p, ok := prev[name]; ok {
			r = Interval{Lo: max(r.Lo, p.Lo), Hi: min(r.Hi, p.Hi)}
		}
		if r != FullRange {
			out[name] = r
		}
	}
	rg.elems = out
	rg.memo = nil
}

// elemStores returns the lists that qualify (see above), each with the
// values stored into it.
func (rg *Func) elemStores() map[string][]elemStore {
	isParam := map[string]bool{}
	for _, p := range rg.Fn.ParamNames {
		isParam[p] = true
	}
	cands := map[string]bool{}
	for name, t := range rg.LocalTypes() {
		if t.Kind == check.List && t.Elem != nil && t.Elem.Kind == check.Int && !isParam[name] {
			cands[name] = true
		}
	}
	if len(cands) == 0 {
		return nil
	}
	stores := map[string][]elemStore{}
	allowed := map[*ast.Ident]bool{} // the occurrences of the forms above
	list := func(e ast.Expr) (*ast.Ident, bool) {
		id, ok := e.(*ast.Ident)
		if !ok || !cands[id.Name] || rg.Info.Consts[id] != nil {
			return nil, false
		}
		return id, true
	}
	// The element stores: the Index nodes of a target. Those of the forms
	// above record their value; any other (a chained or tuple target, a
	// slice) leaves its list's name unallowed, and so the list unqualified.
	storeAt := map[*ast.Index]bool{}
	var targets func(ts ...ast.Expr)
	targets = func(ts ...ast.Expr) {
		for _, t := range ts {
			switch t := t.(type) {
			case *ast.Index:
				storeAt[t] = true // its operands are reads: L[M[i]] = v stores into L only
			case *ast.Tuple:
				targets(t.Elems...)
			case *ast.ListLit:
				targets(t.Elems...)
			case *ast.Starred:
				targets(t.X)
			}
		}
	}
	record := func(t ast.Expr, s elemStore) {
		ix, ok := t.(*ast.Index)
		if !ok {
			return
		}
		id, ok := list(ix.X)
		if _, slice := ix.Index.(*ast.Slice); !ok || slice {
			return
		}
		allowed[id] = true
		stores[id.Name] = append(stores[id.Name], s)
	}
	body := rg.Fn.Decl.Body
	// one walk, statements before their parts: a target's Index nodes are
	// known as stores before the walk reaches them
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Assign:
			targets(n.Target)
			targets(n.Chain...)
			if len(n.Chain) > 0 {
				break // its targets stay unallowed
			}
			if id, ok := list(n.Target); ok {
				if elems, ok := literalElems(n.Value); ok {
					allowed[id] = true
					for _, e := range elems {
						stores[id.Name] = append(stores[id.Name], elemStore{value: e})
					}
				}
			}
			record(n.Target, elemStore{value: n.Value})
		case *ast.AugAssign:
			targets(n.Target)
			record(n.Target, elemStore{value: n.Value, op: n.Op, aug: true})
		case *ast.For:
			targets(n.Target)
			if id, ok := list(n.Iter); ok {
				allowed[id] = true
			}
		case *ast.AnnAssign:
			targets(n.Target)
		case *ast.Call:
			if at, ok := n.Func.(*ast.Attribute); ok {
				if id, ok := list(at.X); ok {
					switch rg.Info.Methods[at.Name] {
					case "append":
						if len(n.Args) == 1 && len(n.Keywords) == 0 {
							allowed[id] = true
							stores[id.Name] = append(stores[id.Name], elemStore{value: n.Args[0]})
						}
					case "pop":
						allowed[id] = true
					}
				}
			}
			if f, ok := n.Func.(*ast.Ident); ok && readingBuiltin(rg.Info.Builtins[f], len(n.Args)) {
				for _, a := range n.Args {
					if id, ok := list(a); ok {
						allowed[id] = true
					}
				}
			}
		case *ast.Index:
			if id, ok := list(n.X); ok && !storeAt[n] {
				allowed[id] = true // a read, or del L[i]
			}
		case *ast.Return:
			if id, ok := list(n.Value); ok {
				allowed[id] = true
			}
		}
		return true
	})
	// any other occurrence of a list's name disqualifies it
	ast.InspectStmts(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && cands[id.Name] && !allowed[id] {
			delete(stores, id.Name)
		}
		return true
	})
	return stores
}

// literalElems returns the elements of a list literal, or of one repeated
// (`[...] * n`, `n * [...]`), which are all the values the list it makes
// holds; ok is false for any other expression (or a starred element).
func literalElems(e ast.Expr) ([]ast.Expr, bool) {
	if b, ok := e.(*ast.Binary); ok && b.Op == ast.OpMul {
		if l, ok := b.X.(*ast.ListLit); ok {
			e = l
		} else if l, ok := b.Y.(*ast.ListLit); ok {
			e = l
		}
	}
	l, ok := e.(*ast.ListLit)
	if !ok {
		return nil, false
	}
	for _, x := range l.Elems {
		if _, starred := x.(*ast.Starred); starred {
			return nil, false
		}
	}
	return l.Elems, true
}

// readingBuiltin reports whether the builtin of that canonical name,
// called with nargs positional arguments, only reads a list argument: it
// neither changes it nor returns it (or anything sharing it), so the call
// gives no other name a way to store into the list.
func readingBuiltin(name string, nargs int) bool {
	switch name {
	case "len", "sum", "sorted", "list", "tuple", "set", "reversed", "enumerate", "zip",
		"any", "all", "str", "repr", "print", "bool", "hash", "id":
		return true
	case "min", "max":
		return nargs == 1
	}
	return false
}
