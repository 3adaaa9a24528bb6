package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
)

// TestTranslateKeepsTheTree translates each program of the shipped corpus
// into every language and back, and checks that each step parses to the
// same tree (the same DumpPython) as the original.
func TestTranslateKeepsTheTree(t *testing.T) {
	paths, err := filepath.Glob("../../python/multilingualprogramming/corpus/*/*.multi")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus programs (%v)", err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		orig, errs := ParseFile(path, src, mustLang(t, lang.Detect(src).Code))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", path, errs)
		}
		want := DumpPython(orig, mustLang(t, orig.Lang))
		for _, code := range lang.Codes() {
			there, errs := Translate(path, src, nil, mustLang(t, code))
			if len(errs) > 0 {
				t.Fatalf("%s -> %s: %v", path, code, errs)
			}
			if there.From != orig.Lang || there.To != code || !strings.HasPrefix(there.Text, "# language: "+code+"\n") {
				t.Errorf("%s -> %s: from %s to %s, text starts %q", path, code, there.From, there.To, there.Text[:20])
			}
			// Read back with detection: the header line chooses the language.
			f, errs := ParseFile("x", there.Text, mustLang(t, lang.Detect(there.Text).Code))
			if len(errs) > 0 {
				t.Fatalf("%s in %s does not parse: %v\n%s", path, code, errs, there.Text)
			}
			if got := unrename(DumpPython(f, mustLang(t, code)), there); got != want {
				t.Errorf("%s in %s: the tree changed (renamed %v)", path, code, there.Renamed)
			}
			back, errs := Translate("x", there.Text, nil, mustLang(t, orig.Lang))
			if len(errs) > 0 {
				t.Fatalf("%s back from %s: %v", path, code, errs)
			}
			f, errs = ParseFile("x", back.Text, mustLang(t, orig.Lang))
			if len(errs) > 0 {
				t.Fatalf("%s back from %s does not parse: %v", path, code, errs)
			}
			if got := unrename(unrename(DumpPython(f, mustLang(t, orig.Lang)), back), there); got != want {
				t.Errorf("%s to %s and back: the tree changed", path, code)
			}
		}
	}
}

// unrename gives the names of a dump that tr renamed their old spelling
// back: a renamed name is the only change a translation may make.
func unrename(dump string, tr *Translation) string {
	for old, renamed := range tr.Renamed {
		dump = strings.ReplaceAll(dump, "'"+renamed+"'", "'"+old+"'")
	}
	return dump
}

func TestTranslate(t *testing.T) {
	tests := []struct {
		from, src, to, want string
		renamed             []string
	}{
		{"", "déf f(n: entier) -> entier:\n    retour n  # carré\n", "en", "# language: en\ndef f(n: int) -> int:\n    return n\n", nil},
		{"fr", "pour i dans intervalle(2):\n    afficher(i)\n", "de", "# language: de\nfür i in bereich(2):\n    ausgeben(i)\n", nil},
		{"en", "for chaque in x:\n    pass\n", "fr", "# language: fr\npour chaque_ dans x:\n    passer\n", []string{"chaque"}},
	}
	for _, tt := range tests {
		var from *lang.Language
		if tt.from != "" {
			from = mustLang(t, tt.from)
		}
		got, errs := Translate("p.multi", tt.src, from, mustLang(t, tt.to))
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got.Text != tt.want || strings.Join(got.RenamedNames(), ",") != strings.Join(tt.renamed, ",") {
			t.Errorf("%q in %s:\n got %q (renamed %v)\nwant %q (renamed %v)", tt.src, tt.to, got.Text, got.RenamedNames(), tt.want, tt.renamed)
		}
	}
}

func TestTranslateErrors(t *testing.T) {
	_, errs := Translate("bad.multi", "déf f(:\n    retour 1\n", mustLang(t, "fr"), mustLang(t, "en"))
	if len(errs) == 0 {
		t.Fatal("no error for a program that does not parse")
	}
	if e := errs[0]; e.File != "bad.multi" || e.Start.Line != 1 {
		t.Errorf("error at %s:%d", e.File, e.Start.Line)
	}
}
