package parser

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
)

// TestSurfaceOrders writes, for every language and statement with a
// natural word order in the tables, the same statement in that order and
// keyword-first, and checks that both parse to the same tree.
func TestSurfaceOrders(t *testing.T) {
	fill := map[string]string{"iterable": "xs", "target": "x", "condition": "x > 0", "context": "ctx"}
	seen := 0
	for _, code := range lang.Codes() {
		l := mustLang(t, code)
		for _, k := range surfaceKeywords {
			pat := l.Surface(k)
			if pat == nil {
				continue
			}
			seen++
			var words []string
			for _, el := range pat {
				switch {
				case strings.HasPrefix(el, "<"):
					words = append(words, fill[strings.Trim(el, "<>")])
				case strings.HasPrefix(el, "{"):
					words = append(words, l.KeywordSpelling(lang.Keyword(strings.Trim(el, "{}"))))
				default:
					words = append(words, el)
				}
			}
			body := ":\n    " + l.KeywordSpelling(lang.Pass) + "\n"
			natural := strings.Join(words, " ") + body
			var first string
			switch k {
			case lang.For:
				first = l.KeywordSpelling(lang.For) + " x " + l.KeywordSpelling(lang.In) + " xs" + body
			case lang.With:
				first = l.KeywordSpelling(lang.With) + " ctx" + body
			default:
				first = l.KeywordSpelling(k) + " x > 0" + body
			}
			a, errs := ParseFile("natural.ml", natural, l)
			if len(errs) > 0 {
				t.Errorf("%s %s: %q: %v", code, k, natural, errs)
				continue
			}
			b, errs := ParseFile("first.ml", first, l)
			if len(errs) > 0 {
				t.Errorf("%s %s: %q: %v", code, k, first, errs)
				continue
			}
			if Dump(a) != Dump(b) {
				t.Errorf("%s %s: %q parses to\n%s\nbut %q to\n%s", code, k, natural, Dump(a), first, Dump(b))
			}
		}
	}
	if seen < 15 {
		t.Errorf("only %d natural orders in the tables", seen)
	}
}

// TestSurfaceOrdersInPrograms parses whole programs in natural orders.
func TestSurfaceOrdersInPrograms(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"ja", "xs 内の 各 x に対して:\n    x > 2 もし:\n        表示(x)\n    でなければ:\n        パス\n",
			"for x in xs:\n    if x > 2:\n        print(x)\n    else:\n        pass\n"},
		{"hi", "[1, 2] में a, b के_लिए:\n    छोड़ो\n", "for a, b in [1, 2]:\n    pass\n"},
		{"es", "numeros para x:\n    imprimir(x)\n", "for x in numeros:\n    print(x)\n"},
		{"ar", "xs ضمن لكل x:\n    مرر\n", "for x in xs:\n    pass\n"},
		{"ja", "表示(1)\nx = 1\n", "print(1)\nx = 1\n"}, // ordinary lines are not taken for a natural order
	}
	for _, tt := range tests {
		f, errs := ParseFile("p.ml", tt.src, mustLang(t, tt.code))
		if len(errs) > 0 {
			t.Errorf("%s %q: %v", tt.code, tt.src, errs)
			continue
		}
		if got := Print(f, mustLang(t, "en")); got != tt.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.code, tt.src, got, tt.want)
		}
	}
}
