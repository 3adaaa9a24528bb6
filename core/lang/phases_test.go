package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// declaredIDs returns the message ids of the msgID constants declared in
// the Go file path (a phase's messages.go).
func declaredIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "msgID" {
				continue
			}
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s: msgID constant %s is not a string literal", path, vs.Names[0])
				}
				id, _ := strconv.Unquote(lit.Value)
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// TestPhaseMessageIDs checks, for the lexer, the parser and the checker,
// that every message the phase declares in its messages.go is in the
// catalogue under the phase's prefix, and that the catalogue has no
// message of that phase the phase does not declare.
func TestPhaseMessageIDs(t *testing.T) {
	for _, phase := range []string{"lexer", "parser", "check"} {
		prefix := phase + "."
		declared := make(map[string]bool)
		for _, id := range declaredIDs(t, filepath.Join("..", phase, "messages.go")) {
			if !strings.HasPrefix(id, prefix) {
				t.Errorf("%s: a %s message id starts with %q", id, phase, prefix)
			}
			if _, ok := MessageText("en", id); !ok {
				t.Errorf("%s: not in the catalogue (core/lang/data/en.txt)", id)
			}
			declared[id] = true
		}
		if len(declared) == 0 {
			t.Errorf("%s: no msgID constants found in messages.go", phase)
		}
		for _, id := range MessageIDs() {
			if strings.HasPrefix(id, prefix) && !declared[id] {
				t.Errorf("%s: in the catalogue but not declared in core/%s/messages.go", id, phase)
			}
		}
	}
}
