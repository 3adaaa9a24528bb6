package compiler

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/source"
)

func TestCompileGuideExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/myfunction.ml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Compile(string(src), Options{Filename: "myfunction.ml"})
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
		{"undefined name", "def f(n: int) -> int:\n    return m\n", "en", 2, 12, "'m'"},
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
