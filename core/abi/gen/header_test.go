package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// headerPath is the committed header, relative to this directory.
const headerPath = "../../../wasm/ml_abi.h"

// TestHeaderUpToDate regenerates the header and compares it with the
// committed one.
func TestHeaderUpToDate(t *testing.T) {
	got, err := os.ReadFile(headerPath)
	if err != nil {
		t.Fatal(err)
	}
	if want := render(); !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go generate ./core/abi and commit it", filepath.Clean(headerPath))
	}
}

// TestHeaderComplete checks that every exported constant of package abi
// is in the header, once.
func TestHeaderComplete(t *testing.T) {
	in := map[string]int{}
	for _, d := range defines {
		in[d.goName]++
	}
	for _, list := range [][]enumItem{errorCodes, valKinds, trapKinds} {
		for _, e := range list {
			in[e.goName]++
		}
	}
	files, err := filepath.Glob("../*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if !name.IsExported() {
						continue
					}
					seen++
					if in[name.Name] != 1 {
						t.Errorf("abi.%s is in the header %d times, want once", name.Name, in[name.Name])
					}
				}
			}
		}
	}
	if seen != len(in) {
		t.Errorf("the header names %d constants, package abi exports %d", len(in), seen)
	}
}
