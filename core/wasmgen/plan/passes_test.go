package plan

import (
	"strings"
	"testing"
)

func TestPassRegistry(t *testing.T) {
	var seen PassSet
	names := map[string]bool{}
	for _, p := range Passes {
		if p.Pass == 0 || p.Pass&(p.Pass-1) != 0 {
			t.Errorf("%s: %#x is not one bit", p.Name, p.Pass)
		}
		if seen.Has(p.Pass) || names[p.Name] {
			t.Errorf("%s registered twice", p.Name)
		}
		seen |= PassSet(p.Pass)
		names[p.Name] = true
		if p.Name == "" || strings.ContainsAny(p.Name, ", ") || len(p.Doc) < 20 {
			t.Errorf("pass %q: bad name or doc %q", p.Name, p.Doc)
		}
	}
	if seen != AllPasses {
		t.Errorf("registry %v, AllPasses %v", seen, AllPasses)
	}
	if BasePasses&^AllPasses != 0 {
		t.Errorf("BasePasses %v not among the passes", BasePasses)
	}
}

func TestParsePasses(t *testing.T) {
	tests := []struct {
		in   []string
		want PassSet
		err  string
	}{
		{nil, 0, ""},
		{[]string{"fold"}, PassSet(PassFold), ""},
		{[]string{" tailcall", "", "leafguard "}, PassSet(PassTailCall | PassLeafGuard), ""},
		{[]string{"fold", "Fold"}, 0, `unknown pass "Fold": the passes are fold, deadcode,`},
		{[]string{"inline"}, 0, `unknown pass "inline"`},
	}
	for _, tt := range tests {
		got, err := ParsePasses(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParsePasses(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePasses(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if s := AllPasses.String(); strings.Join(PassNames(), ",") != s {
		t.Errorf("AllPasses.String() = %q", s)
	}
	if s := PassSet(0).String(); s != "none" {
		t.Errorf("empty set prints %q", s)
	}
	back, err := ParsePasses(strings.Split(BasePasses.String(), ","))
	if err != nil || back != BasePasses {
		t.Errorf("BasePasses round trip: %v, %v", back, err)
	}
}
