// Package compiler is the entry point of the core: it runs the phases
// (language detection, lexing and parsing, checking, WebAssembly
// generation) on one source text and returns everything they produced as an
// Artifact. The Python fallback is generated from the same Artifact by
// package fallback, one layer up, so that the core knows nothing of Python.
package compiler

import (
	"fmt"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// An UnknownLanguageError reports a language code that is not one of the 17.
type UnknownLanguageError struct{ Code string }

// Error lists the codes that are accepted.
func (e *UnknownLanguageError) Error() string {
	return fmt.Sprintf("unknown language %q: use one of %s", e.Code, strings.Join(lang.Codes(), ", "))
}

// Compile compiles src. Source problems come back as a source.ErrorList
// holding every error found; an unknown language as *UnknownLanguageError.
// An unknown pass name in opt.Disable comes back as
// *wasmgen.UnknownPassError. Compile never panics: an internal failure is
// returned as an error.
func Compile(src string, opt Options) (a *Artifact, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal compiler error: %v", r)
		}
	}()
	filename := opt.Filename
	if filename == "" {
		filename = "<source>"
	}
	disable, err := wasmgen.ParsePasses(opt.Disable)
	if err != nil {
		return nil, err
	}
	a = &Artifact{}
	var l *lang.Language
	if opt.Language != "" {
		var ok bool
		if l, ok = lang.Get(opt.Language); !ok {
			return nil, &UnknownLanguageError{Code: opt.Language}
		}
	} else {
		d := lang.Detect(src)
		l, _ = lang.Get(d.Code)
		a.Detected = true
	}
	a.Language = l.Code

	f, errs := parser.ParseFile(filename, src, l)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	a.File = f
	info, errs := check.CheckSource(f, src, l)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	a.Info = info
	mod, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: opt.Optimize, Disable: disable})
	if err != nil {
		return nil, err
	}
	a.Wasm = mod.Encode()
	if opt.WAT {
		a.WAT = mod.WAT()
	}
	for _, fn := range info.Funcs {
		a.Functions = append(a.Functions, describe(fn))
	}
	return a, nil
}

// describe turns a checked function into the Python package's view of it.
// Functions the checker marks Internal (a list in the signature) are
// callable through the bridge, which copies lists in and out, so they are
// Compilable here with no Reason. A signature with a type that has no
// bridge letter keeps the function Python-only, with that as the reason.
func describe(fn *check.Func) Function {
	out := Function{
		Name:       fn.Name,
		Result:     fn.Result.String(),
		Compilable: fn.Compilable || fn.Internal,
		Reason:     fn.Reason,
	}
	for i, name := range fn.ParamNames {
		t := "unknown"
		if i < len(fn.Params) && fn.Params[i] != nil && fn.Params[i].Kind != check.Unknown {
			t = fn.Params[i].String()
		}
		out.Params = append(out.Params, Param{Name: name, Type: t})
	}
	if !out.Compilable {
		return out
	}
	out.Reason = ""
	sig, err := Signature(fn.Params, fn.Result)
	if err != nil {
		out.Compilable = false
		out.Reason = err.Error()
		return out
	}
	out.Signature = sig
	out.Bounded = fn.Bounded
	return out
}

// Signature returns the bridge's compact calling convention for a function
// with the given parameter and result types, or an error naming a type that
// the bridge cannot carry (an unknown type, a list of None).
//
// The grammar, in EBNF:
//
//	signature = { type } ":" result .
//	result    = "n" | type | scalar scalar { scalar } .
//	type      = scalar | list .
//	scalar    = "i" | "f" | "b" | "s" .
//	list      = "I" | "F" | "B" | "S" | "L" list .
//
// i is int (i64), f float (f64), b bool (i32 0/1), s str (the i32 address
// of a string object), n None (no result). Several scalar letters after
// ":" are a tuple result, one WebAssembly result per value (a function
// annotated -> tuple[int, float]: "...:if"). A list is an i32 header address
// (core/abi): I, F, B and S are list[int], list[float],
// list[bool] and list[str]; L prefixes a list of the list that follows, so
// LF is list[list[float]] and LLI list[list[list[int]]]. Every
// parameter is one type, so the letters parse left to right without
// separators: "LFI:F" is (list[list[float]], list[int]) -> list[float].
// A None parameter, or a list of anything else, has no letters: an error.
func Signature(params []*check.Type, result *check.Type) (string, error) {
	var b strings.Builder
	for i, p := range params {
		if err := writeLetters(&b, p); err != nil {
			return "", fmt.Errorf("parameter %d: %v", i+1, err)
		}
	}
	b.WriteByte(':')
	if result == nil || result.Kind == check.None {
		b.WriteByte('n')
	} else if result.Kind == check.Tuple {
		for _, e := range result.Elems {
			if e.Kind == check.Str || e.Kind == check.List {
				return "", fmt.Errorf("result: a tuple holding a %s", e)
			}
			if err := writeLetters(&b, e); err != nil {
				return "", fmt.Errorf("result: %v", err)
			}
		}
	} else if err := writeLetters(&b, result); err != nil {
		return "", fmt.Errorf("result: %v", err)
	}
	return b.String(), nil
}

// writeLetters appends the letters of t (a scalar or a list, per the
// grammar of Signature) to b.
func writeLetters(b *strings.Builder, t *check.Type) error {
	if t != nil {
		switch t.Kind {
		case check.Int:
			b.WriteByte('i')
			return nil
		case check.Float:
			b.WriteByte('f')
			return nil
		case check.Bool:
			b.WriteByte('b')
			return nil
		case check.Str:
			b.WriteByte('s')
			return nil
		case check.List:
			if listLetters(b, t) {
				return nil
			}
		}
	}
	return fmt.Errorf("type %s has no bridge letter", t)
}

// listLetters appends the letters of list type t and reports whether its
// innermost element is an int, float or bool.
func listLetters(b *strings.Builder, t *check.Type) bool {
	for ; t != nil && t.Kind == check.List; t = t.Elem {
		e := t.Elem
		if e == nil {
			return false
		}
		switch e.Kind {
		case check.Int:
			b.WriteByte('I')
			return true
		case check.Float:
			b.WriteByte('F')
			return true
		case check.Bool:
			b.WriteByte('B')
			return true
		case check.Str:
			b.WriteByte('S')
			return true
		case check.List:
			b.WriteByte('L')
		default:
			return false
		}
	}
	return false
}
