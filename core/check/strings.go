package check

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Strings are compiled as immutable values (core/wasmgen/strings.go has
// their layout): literals, + and * (repetition), the six comparisons,
// `in` between strings and of a string in a list of strings, indexing
// (negative indices count from the end), iteration over the characters,
// truth values, `and`/`or`, and the builtins len, ord, chr, str (of an
// int, bool or str) and bool. Slicing and methods are not compiled: the
// tables name no methods yet, and case mapping needs the Unicode tables.
// A string compared with a value of another type keeps the function
// Python-only (Python answers False for ==, raises TypeError for <).

// isStr reports whether t is str.
func isStr(t *Type) bool { return t != nil && t.Kind == Str }

// hasHeap reports whether values of t live in linear memory: a list or a
// string. A function with such a parameter or result is called through
// the bridge's heap protocol (core/wasmgen/abi.go).
func hasHeap(t *Type) bool { return t != nil && (t.Kind == List || t.Kind == Str) }

// truthy reports whether a value of type t has a compiled truth value.
func truthy(t *Type) bool { return scalar(t) || t.Kind == List || t.Kind == Str }

// strArith types s + t, s * n and n * s, where one operand is a str.
func (st *fstate) strArith(op ast.BinaryOp, pos source.Span, xt, yt *Type) *Type {
	switch {
	case op == ast.OpAdd && isStr(xt) && isStr(yt):
		return TStr
	case op == ast.OpMul && isStr(xt) && isIndex(yt), op == ast.OpMul && isIndex(xt) && isStr(yt):
		return TStr
	}
	st.pyOnly(pos, "'%s' between a %s and a %s runs only in Python", op, xt, yt)
	return TUnknown
}

// strIndex types s[i]: a one-character string.
func (st *fstate) strIndex(e *ast.Index, it *Type) *Type {
	if !isIndex(it) {
		st.pyOnly(spanOf(e.Index), "a string index of type %s runs only in Python", it)
		return TUnknown
	}
	return TStr
}

// strBuiltin types len, ord, chr, str and bool where a string is involved;
// ok is false when the call is none of those.
func (st *fstate) strBuiltin(e *ast.Call, id *ast.Ident, name string, args []*Type) (*Type, bool) {
	one := len(args) == 1
	switch {
	case name == "len" && one && isStr(args[0]):
		return TInt, true
	case name == "ord" && one && isStr(args[0]):
		return TInt, true
	case name == "chr" && one && isIndex(args[0]):
		return TStr, true
	case name == "int" && one && isStr(args[0]):
		// decimal ASCII text (core/wasmgen/rt strmethods.go); other text
		// re-runs in Python
		return TInt, true
	case name == "str" && len(args) == 0:
		return TStr, true
	case name == "str" && one && (isIndex(args[0]) || isStr(args[0])):
		return TStr, true
	case name == "str" && one:
		// str() of a float needs the shortest repr, of a list its repr
		st.pyOnly(spanOf(e), "%s() of a %s runs only in Python", id.Name, args[0])
		return TUnknown, true
	case name == "bool" && one && isStr(args[0]):
		return TBool, true
	}
	return nil, false
}

// fstring types f"...{x}...", whose fields (plain, as the subset lets
// through) are ints, bools or strs: each is formatted as str() makes it
// (format(x, "") of an int, a bool or a str is str(x)), and the pieces are
// joined in order. A float field needs the shortest repr, and stays in
// Python with it.
func (st *fstate) fstring(e *ast.FString, in set) *Type {
	ok := true
	for _, part := range e.Parts {
		fv, field := part.(*ast.FormattedValue)
		if !field {
			continue
		}
		t := st.expr(fv.X, in)
		switch {
		case t.Kind == Unknown:
			ok = false
		case !isIndex(t) && !isStr(t):
			st.pyOnly(spanOf(fv.X), "formatting a %s in an f-string runs only in Python", t)
			ok = false
		}
	}
	if !ok {
		return TUnknown
	}
	return TStr
}

// strMembership types `a in b` where b is a str: a must be a str too
// (Python raises TypeError otherwise).
func (st *fstate) strMembership(op ast.CmpOp, pos source.Span, a, b *Type) bool {
	if !isStr(a) {
		st.pyOnly(pos, "'%s' of a %s in a str runs only in Python", op, a)
		return false
	}
	return true
}

// strMethods are the str methods compiled, by canonical English name
// (core/wasmgen/rt strmethods.go: lower and upper run on ASCII text,
// other text re-runs in Python; strip, split and join, strwide.go and
// strsearch.go: find, count and replace run on any text).
var strMethods = map[string]bool{
	"lower": true, "upper": true, "strip": true, "split": true, "join": true,
	"startswith": true, "endswith": true, "find": true, "count": true, "replace": true,
}

// strMethod types a compiled method call on a str: lower(), upper(),
// strip() and split() without arguments, split(sep), join(list of
// str), startswith(str), endswith(str), find(str), count(str) and
// replace(str, str) (start and end positions, and replace's count, stay
// in Python).
func (st *fstate) strMethod(e *ast.Call, canon string, args []*Type) *Type {
	switch {
	case len(args) == 0 && (canon == "lower" || canon == "upper" || canon == "strip"):
		return TStr
	case canon == "split" && len(args) == 0, canon == "split" && len(args) == 1 && isStr(args[0]):
		return &Type{Kind: List, Elem: TStr}
	case canon == "join" && len(args) == 1 && args[0].Kind == List && args[0].Elem != nil && isStr(args[0].Elem):
		return TStr
	case (canon == "startswith" || canon == "endswith") && len(args) == 1 && isStr(args[0]):
		return TBool
	case (canon == "find" || canon == "count") && len(args) == 1 && isStr(args[0]):
		return TInt
	case canon == "replace" && len(args) == 2 && isStr(args[0]) && isStr(args[1]):
		return TStr
	}
	st.pyOnly(spanOf(e), "this call of str.%s() runs only in Python", canon)
	return TUnknown
}
