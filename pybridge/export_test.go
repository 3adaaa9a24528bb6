package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recoverers are the deferred functions that stop a Go panic at an
// //export boundary: recoverPanic raises it as a Python RuntimeError (the
// GIL is held), recoverNoGIL records it for C, which raises it once it
// holds the GIL again.
var recoverers = map[string]bool{"recoverPanic": true, "recoverNoGIL": true}

// TestExportsRecover checks that a Go panic never crosses into C (where it
// would abort the Python process): every function of the package that C
// can call (an //export directive) defers a recoverer as its very first
// statement, before anything that could panic. Files are parsed whatever
// their build tags, so the check covers the pyext files too.
func TestExportsRecover(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	exports := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Doc == nil || !hasExportDirective(fn.Doc) {
				continue
			}
			exports++
			if !defersRecoverFirst(fn) {
				t.Errorf("%s: //export %s does not start with `defer recoverPanic(...)` (or recoverNoGIL): "+
					"a panic would cross into C and abort Python", fset.Position(fn.Pos()), fn.Name.Name)
			}
		}
	}
	if exports < 15 {
		t.Errorf("found %d //export functions; the parser missed some", exports)
	}
}

// hasExportDirective reports whether a doc comment holds //export.
func hasExportDirective(doc *ast.CommentGroup) bool {
	for _, c := range doc.List {
		if strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}

// defersRecoverFirst reports whether fn's first statement defers a call of
// one of the recoverers.
func defersRecoverFirst(fn *ast.FuncDecl) bool {
	if fn.Body == nil || len(fn.Body.List) == 0 {
		return false
	}
	d, ok := fn.Body.List[0].(*ast.DeferStmt)
	if !ok {
		return false
	}
	id, ok := d.Call.Fun.(*ast.Ident)
	return ok && recoverers[id.Name]
}
