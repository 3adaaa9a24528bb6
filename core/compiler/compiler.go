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
// Compile never panics: an internal failure is returned as an error.
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
	mod, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: opt.Optimize})
	if err != nil {
		return nil, err
	}
	a.Wasm = mod.Encode()
	a.WAT = mod.WAT()
	for _, fn := range info.Funcs {
		a.Functions = append(a.Functions, describe(fn))
	}
	return a, nil
}

// describe turns a checked function into the Python package's view of it.
func describe(fn *check.Func) Function {
	out := Function{
		Name:       fn.Name,
		Result:     fn.Result.String(),
		Compilable: fn.Compilable,
		Reason:     fn.Reason,
	}
	for i, name := range fn.ParamNames {
		t := "unknown"
		if i < len(fn.Params) && fn.Params[i] != nil && fn.Params[i].Kind != check.Unknown {
			t = fn.Params[i].String()
		}
		out.Params = append(out.Params, Param{Name: name, Type: t})
	}
	if fn.Compilable {
		out.Signature = Signature(fn.Params, fn.Result)
	}
	return out
}

// Signature returns the bridge's compact calling convention for a function
// with the given parameter and result types: "ii:i" for (int, int) -> int.
func Signature(params []*check.Type, result *check.Type) string {
	var b strings.Builder
	for _, p := range params {
		b.WriteByte(letter(p))
	}
	b.WriteByte(':')
	b.WriteByte(letter(result))
	return b.String()
}

func letter(t *check.Type) byte {
	if t == nil {
		return 'n'
	}
	switch t.Kind {
	case check.Int:
		return 'i'
	case check.Float:
		return 'f'
	case check.Bool:
		return 'b'
	case check.None:
		return 'n'
	}
	panic(fmt.Sprintf("type %s has no bridge letter", t))
}
