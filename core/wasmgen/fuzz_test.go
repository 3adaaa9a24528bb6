//go:build cgo

package wasmgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// FuzzCompile: no input panics the generator, and every program that
// parses and type-checks encodes to a module Wasmtime validates, with and
// without optimization. Seeded from the testdata programs.
func FuzzCompile(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.ml")
	bench, _ := filepath.Glob("testdata/bench/*.ml")
	for _, p := range append(paths, bench...) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		parts := strings.Split(filepath.Base(p), ".")
		f.Add(string(src), parts[len(parts)-2])
	}
	f.Fuzz(func(t *testing.T, src, code string) {
		l, ok := lang.Get(code)
		if !ok {
			l, _ = lang.Get("en")
		}
		file, errs := parser.ParseFile("fuzz.ml", src, l)
		if len(errs) > 0 {
			return
		}
		info, errs := check.CheckSource(file, src, l)
		if len(errs) > 0 {
			return
		}
		for _, opt := range optionSets() {
			m, err := Generate(file, info, opt)
			if err != nil {
				t.Fatalf("generate (optimize=%v): %v\n%s", opt.Passes(), err, src)
			}
			if _, err := wasmtime.NewModule(engine, m.Encode()); err != nil {
				t.Fatalf("invalid module (optimize=%v): %v\n%s\n%s", opt.Passes(), err, src, m.WAT())
			}
			_ = m.WAT()
		}
	})
}
