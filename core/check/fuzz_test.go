package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// checkSeeds are the programs the checker's fuzzer starts from: the
// parser's corpus, the English programs of tests/language and the
// whole-language programs (<name>.<code>.multi is read in its language).
var checkSeeds = []string{
	"../parser/testdata/python/*.py",
	"../parser/testdata/same/*.ml",
	"../../tests/language/*.py",
	"../../tests/whole_language/*.py",
	"../../tests/whole_language/*.multi",
}

// FuzzCheck parses a program and checks every tree that parses: the
// checker must neither fail inside (its recovered panics show as an
// "internal error") nor report an error outside the source.
func FuzzCheck(f *testing.F) {
	for _, pattern := range checkSeeds {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			code := "en"
			parts := strings.Split(filepath.Base(name), ".")
			if n := len(parts); n >= 3 {
				code = parts[n-2]
			} else if parts[len(parts)-1] == "ml" {
				code = parts[0]
			}
			f.Add(string(data), code)
		}
	}
	f.Fuzz(func(t *testing.T, src, code string) {
		l, ok := lang.Get(code)
		if !ok {
			return
		}
		file, errs := parser.ParseFile("f.ml", src, l)
		if len(errs) > 0 {
			return
		}
		_, errs = CheckSource(file, src, l)
		lines := strings.Split(src, "\n")
		for _, e := range errs {
			if strings.HasPrefix(e.Msg, "internal error") {
				t.Fatalf("checker failed: %s at %v\n%s", e.Msg, e.Start, src)
			}
			p := e.Start
			if p.Line < 1 || int(p.Line) > len(lines) || p.Col < 1 || int(p.Col) > utf8.RuneCountInString(lines[p.Line-1])+1 {
				t.Fatalf("error %q at %v outside the source\n%s", e.Msg, p, src)
			}
		}
	})
}
