package compiler

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/source"
)

func TestCompileGuideExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/myfunction.multi")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Compile(string(src), Options{Filename: "myfunction.ml", WAT: true})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	if a.Language != "fr" || !a.Detected {
		t.Errorf("language = %q detected=%v, want fr detected", a.Language, a.Detected)
	}
	if len(a.Functions) != 1 {
		t.Fatalf("functions = %+v", a.Functions)
	}
	f := a.Functions[0]
	if f.Name != "expensive_operation" || !f.Compilable || f.Signature != "i:i" {
		t.Errorf("function = %+v", f)
	}
	if len(f.Params) != 1 || f.Params[0] != (Param{Name: "n", Type: "int"}) || f.Result != "int" {
		t.Errorf("params/result = %+v %q", f.Params, f.Result)
	}
	if string(a.Wasm[:4]) != "\x00asm" {
		t.Errorf("wasm header = %q", a.Wasm[:4])
	}
	if !strings.Contains(a.WAT, "expensive_operation") {
		t.Errorf("WAT lacks the function name:\n%s", a.WAT)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name, src, lang string
		line, col       int32
		msg             string
	}{
		{"missing colon", "déf f(n: entier) -> entier\n    retour n\n", "", 1, 27, ":"},
		// an undefined name is a NameError at run time, not a compile error
		{"return outside function", "def f(n: int) -> int:\n    return m\nreturn 1\n", "en", 3, 1, "'return' outside function"},
		{"bad character", "def f(n: int) -> int:\n    return n $\n", "en", 2, 14, "$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(tt.src, Options{Filename: "t.ml", Language: tt.lang})
			var list source.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want a source.ErrorList", err)
			}
			e := list[0]
			if e.File != "t.ml" || e.Start.Line != tt.line || e.Start.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("first error = %s (%d:%d), want %d:%d containing %q", e, e.Start.Line, e.Start.Col, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestUnknownLanguage(t *testing.T) {
	_, err := Compile("x = 1\n", Options{Language: "xx"})
	var ul *UnknownLanguageError
	if !errors.As(err, &ul) || ul.Code != "xx" {
		t.Fatalf("err = %v, want UnknownLanguageError", err)
	}
}

func TestSignature(t *testing.T) {
	a, err := Compile("def f(a: int, b: float, c: bool) -> float:\n    return b\n\ndef g() -> None:\n    pass\n", Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"f": "ifb:f", "g": ":n"}
	for _, f := range a.Functions {
		if f.Signature != want[f.Name] {
			t.Errorf("%s signature = %q, want %q (%s)", f.Name, f.Signature, want[f.Name], f.Reason)
		}
	}
}

func TestSignatureLetters(t *testing.T) {
	I, F, B := check.ListOf(check.TInt), check.ListOf(check.TFloat), check.ListOf(check.TBool)
	LF := check.ListOf(F)
	LLI := check.ListOf(check.ListOf(I))
	tests := []struct {
		name   string
		params []*check.Type
		result *check.Type
		want   string
		err    string
	}{
		{"scalars", []*check.Type{check.TInt, check.TFloat, check.TBool}, check.TInt, "ifb:i", ""},
		{"no params", nil, check.TNone, ":n", ""},
		{"nil result", nil, nil, ":n", ""},
		{"flat lists", []*check.Type{I, F, B}, I, "IFB:I", ""},
		{"nested", []*check.Type{LF, check.TInt}, LF, "LFi:LF", ""},
		{"deep", []*check.Type{LLI}, check.TBool, "LLI:b", ""},
		{"list result", []*check.Type{check.TInt}, B, "i:B", ""},
		{"tuple result", []*check.Type{I}, &check.Type{Kind: check.Tuple, Elems: []*check.Type{check.TInt, check.TFloat, check.TBool}}, "I:ifb", ""},
		{"tuple holding a str", nil, &check.Type{Kind: check.Tuple, Elems: []*check.Type{check.TInt, check.TStr}}, "", "result: a tuple holding a str"},
		{"str param", []*check.Type{check.TStr, check.ListOf(check.TStr)}, check.TInt, "sS:i", ""},
		{"nested str", []*check.Type{check.ListOf(check.ListOf(check.TStr))}, check.TStr, "LS:s", ""},
		{"unknown param", []*check.Type{check.TInt, check.TUnknown}, check.TInt, "", "parameter 2: type unknown has no bridge letter"},
		{"None param", []*check.Type{check.TNone}, check.TInt, "", "parameter 1: type None has no bridge letter"},
		{"nil param", []*check.Type{nil}, check.TInt, "", "parameter 1"},
		{"list of None", []*check.Type{check.ListOf(check.TNone)}, check.TInt, "", "list[None]"},
		{"list of list of None", nil, check.ListOf(check.ListOf(check.TNone)), "", "result: type list[list[None]]"},
		{"list without elem", []*check.Type{{Kind: check.List}}, check.TInt, "", "parameter 1"},
		{"unknown result", nil, check.TUnknown, "", "result: type unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Signature(tt.params, tt.result)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Signature = %q, %v; want an error containing %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Signature = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestListFunctionsCompilable checks that functions with lists in their
// signature are callable through the bridge: Compilable, no Reason, and the
// letters of the grammar.
func TestListFunctionsCompilable(t *testing.T) {
	src := `def total(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x
    return s

def grow(a: list[float], x: float) -> None:
    a.append(x)

def rows(n: int) -> list[list[float]]:
    out = [[0.0]]
    for i in range(n):
        out.append([1.0 * i])
    return out

def flags(a: list[bool]) -> list[bool]:
    return a

def words(s: str, w: list[str]) -> str:
    return s + w[0]
`
	a, err := Compile(src, Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"total": "I:i", "grow": "Ff:n", "rows": "i:LF", "flags": "B:B", "words": "sS:s"}
	if len(a.Functions) != len(want) {
		t.Fatalf("functions = %+v", a.Functions)
	}
	for _, f := range a.Functions {
		if !f.Compilable || f.Reason != "" || f.Signature != want[f.Name] {
			t.Errorf("%s: compilable=%v reason=%q signature=%q, want compilable, no reason, %q",
				f.Name, f.Compilable, f.Reason, f.Signature, want[f.Name])
		}
	}
}

// TestDescribeNoLetter checks that a compilable function whose type has no
// bridge letter becomes Python-only with a reason instead of crashing.
func TestDescribeNoLetter(t *testing.T) {
	fn := &check.Func{
		Name: "f", ParamNames: []string{"s"},
		Params: []*check.Type{check.ListOf(check.TNone)}, Result: check.TInt, Compilable: true,
	}
	got := describe(fn)
	if got.Compilable || got.Signature != "" || !strings.Contains(got.Reason, "no bridge letter") {
		t.Errorf("describe = %+v, want Python-only with a reason", got)
	}
	fn = &check.Func{
		Name: "g", ParamNames: []string{"a"}, Params: []*check.Type{check.ListOf(check.TInt)},
		Result: check.TNone, Internal: true, Reason: "lists cannot cross the bridge yet",
	}
	got = describe(fn)
	if !got.Compilable || got.Reason != "" || got.Signature != "I:n" {
		t.Errorf("describe(internal) = %+v, want compilable I:n with no reason", got)
	}
	fn = &check.Func{Name: "h", Result: check.TInt, Reason: "uses a dict"}
	got = describe(fn)
	if got.Compilable || got.Reason != "uses a dict" || got.Signature != "" {
		t.Errorf("describe(python-only) = %+v", got)
	}
}

// TestBoundedCarried checks that Function.Bounded is the checker's flag,
// and false for every function the bridge cannot call.
func TestBoundedCarried(t *testing.T) {
	src := `def add(a: int, b: int) -> int:
    return a + b

def noop() -> None:
    pass

def twice(x: float) -> float:
    return abs(x) + add(1, 2)

def loop(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + add(i, 1)
    return s

def first(a: list[int]) -> int:
    return a[0]

def show(x: int) -> None:
    print(x)
`
	a, err := Compile(src, Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"add": true, "noop": true, "twice": true, "loop": false, "first": false, "show": false}
	if len(a.Functions) != len(want) {
		t.Fatalf("functions = %+v", a.Functions)
	}
	for _, f := range a.Functions {
		if f.Bounded != want[f.Name] {
			t.Errorf("%s: Bounded = %v, want %v", f.Name, f.Bounded, want[f.Name])
		}
		if f.Bounded && !f.Compilable {
			t.Errorf("%s: Bounded but not Compilable", f.Name)
		}
	}
	fn := &check.Func{
		Name: "s", ParamNames: []string{"s"},
		Params: []*check.Type{check.ListOf(check.TNone)}, Result: check.TInt, Compilable: true, Bounded: true,
	}
	if got := describe(fn); got.Bounded {
		t.Errorf("describe of a function with no bridge letter = %+v, want not Bounded", got)
	}
}
