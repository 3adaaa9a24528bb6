package fallback

import (
	"strconv"
	"strings"
	"testing"
)

// colPairs decodes the __ml_cols__ of module out and returns, for each
// expression, its text in the module and its text in src.
func colPairs(t *testing.T, out, src string) map[string][]string {
	t.Helper()
	var table string
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "__ml_cols__ = "); ok {
			s, err := strconv.Unquote(rest)
			if err != nil {
				t.Fatalf("__ml_cols__ is not a string literal: %s", rest)
			}
			table = s
		}
	}
	fields := strings.Fields(table)
	if len(fields)%8 != 0 {
		t.Fatalf("__ml_cols__ holds %d integers, not a multiple of 8", len(fields))
	}
	genLines := strings.Split(out, "\n")
	srcLines := strings.Split(src, "\n")
	slice := func(lines []string, l1, c1, l2, c2 int, runes bool) string {
		if l1 < 1 || l2 > len(lines) || l1 > l2 {
			t.Fatalf("span %d:%d-%d:%d outside the text", l1, c1, l2, c2)
		}
		var b strings.Builder
		for l := l1; l <= l2; l++ {
			line := lines[l-1]
			if runes {
				r := []rune(line)
				from, to := 0, len(r)
				if l == l1 {
					from = c1
				}
				if l == l2 {
					to = c2
				}
				b.WriteString(string(r[from:to]))
			} else {
				from, to := 0, len(line)
				if l == l1 {
					from = c1
				}
				if l == l2 {
					to = c2
				}
				b.WriteString(line[from:to])
			}
			if l < l2 {
				b.WriteByte('\n')
			}
		}
		return b.String()
	}
	pairs := make(map[string][]string)
	line, sline := 0, 0
	for i := 0; i < len(fields); i += 8 {
		n := make([]int, 8)
		for k := range n {
			v, err := strconv.Atoi(fields[i+k])
			if err != nil {
				t.Fatal(err)
			}
			n[k] = v
		}
		line += n[0]
		sline += n[4]
		if n[2] == 0 { // a length
			n[3] += n[1]
		}
		if n[6] == 0 {
			n[7] += n[5]
		}
		gen := slice(genLines, line, n[1], line+n[2], n[3], false)
		pairs[gen] = append(pairs[gen], slice(srcLines, sline, n[5], sline+n[6], n[7], true))
	}
	return pairs
}

// TestColumnTable checks that each expression of the module maps to the
// source text it was written from, in the user's spelling.
func TestColumnTable(t *testing.T) {
	src := "déf diviser(a, b):\n" +
		"    résultat = longueur([a, b]) + a / b\n" +
		"    retour résultat\n" +
		"\n" +
		"déf déjà(données):\n" +
		"    retour [\n" +
		"        données[\"clé\"],\n" +
		"        f\"{données}\",\n" +
		"    ]\n" +
		"\n" +
		"afficher(diviser(1, 2), déjà({\"clé\": 3}))\n"
	f, info := parseCheck(t, "t.ml", src, "fr")
	out, err := Generate(f, info)
	if err != nil {
		t.Fatal(err)
	}
	pairs := colPairs(t, out, src)
	want := map[string]string{
		"a / b":               "a / b",
		"len([a, b])":         "longueur([a, b])",
		"len([a, b]) + a / b": "longueur([a, b]) + a / b",
		"len":                 "longueur",
		"[a, b]":              "[a, b]",
		"résultat":            "résultat",
		"données[\"clé\"]":    "données[\"clé\"]",
		"print":               "afficher",
		"diviser(1, 2)":       "diviser(1, 2)",
		"déjà({\"clé\": 3})":  "déjà({\"clé\": 3})",
		"{\"clé\": 3}":        "{\"clé\": 3}",
	}
	for gen, source := range want {
		got, ok := pairs[gen]
		if !ok {
			t.Errorf("no entry for %q in the module", gen)
			continue
		}
		for _, s := range got {
			if s != source {
				t.Errorf("%q maps to %q, want %q", gen, s, source)
			}
		}
	}
	// Literals and the fields of f-strings are not listed.
	for gen := range pairs {
		if gen == "1" || gen == "2" || gen == "\"clé\"" || gen == "données" && len(pairs[gen]) > 1 {
			t.Errorf("%q is listed %d times", gen, len(pairs[gen]))
		}
	}
	if strings.ContainsAny(out, markStart+markEnd) {
		t.Error("a position mark was left in the module")
	}
}

func TestMarkedLine(t *testing.T) {
	l := markedLine("    x = "+markStart+"0"+markStart+"é + "+markStart+"1"+markStart+"b"+markEnd+"1"+markEnd+markEnd+"0"+markEnd, 3)
	if l.text != "    x = é + b" || l.src != 3 {
		t.Fatalf("text %q src %d", l.text, l.src)
	}
	want := []mark{{0, 8, false}, {1, 13, false}, {1, 14, true}, {0, 14, true}}
	if len(l.marks) != len(want) {
		t.Fatalf("marks %v, want %v", l.marks, want)
	}
	for i := range want {
		if l.marks[i] != want[i] {
			t.Errorf("mark %d: %v, want %v", i, l.marks[i], want[i])
		}
	}
	if plain := markedLine("pass", 1); plain.marks != nil || plain.text != "pass" {
		t.Errorf("plain line: %+v", plain)
	}
}
