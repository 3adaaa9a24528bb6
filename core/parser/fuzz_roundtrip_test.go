package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
)

// roundTripSeeds are the programs the round-trip fuzzer starts from: the
// corpus compared with CPython, the English programs that internal/langtest
// renders in every language, and the whole-language programs.
var roundTripSeeds = []string{
	"testdata/python/*.py",
	"../../tests/language/*.py",
	"../../tests/whole_language/*.py",
	"../../tests/whole_language/*.multi",
}

// seedLang returns the language a seed file is written in: <name>.<code>.multi,
// else English.
func seedLang(name string) string {
	parts := strings.Split(filepath.Base(name), ".")
	if len(parts) >= 3 && parts[len(parts)-1] == "multi" {
		return parts[len(parts)-2]
	}
	return "en"
}

// FuzzPrintRoundTrip parses a program in one language, prints it in
// another and parses the printout: it must parse, and dump as the
// original does (once the original's names are renamed as the printer
// renamed them to keep clear of the target language's words).
func FuzzPrintRoundTrip(f *testing.F) {
	codes := lang.Codes()
	i := 0
	for _, pattern := range roundTripSeeds {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			f.Add(string(data), seedLang(name), codes[i%len(codes)])
			i++
		}
	}
	f.Fuzz(func(t *testing.T, src, from, to string) {
		// Any string names a language, so that mutated names still test.
		pick := func(code string) *lang.Language {
			if l, ok := lang.Get(code); ok {
				return l
			}
			l, _ := lang.Get(codes[len(code)%len(codes)])
			return l
		}
		l, next := pick(from), pick(to)
		file, errs := ParseFile("f.ml", src, l)
		checkInside(t, src, errs)
		if len(errs) > 0 {
			return
		}
		out, renamed := printFile(file, next)
		g, errs := ParseFile("printed.ml", out, next)
		if len(errs) > 0 {
			t.Fatalf("printed from %s in %s, does not parse: %v\n%s", from, to, errs, numbered(out))
		}
		renameAll(file, renamed)
		if a, b := DumpPython(file, l), DumpPython(g, next); a != b {
			t.Fatalf("printed from %s in %s, parsed back, dumps differently:\n%s\n%s", from, to, dumpDiff(a, b), numbered(out))
		}
	})
}
