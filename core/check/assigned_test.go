package check

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
)

// names lists the names of s in order, checking the treap's invariants.
func names(t *testing.T, s set) []string {
	t.Helper()
	var out []string
	var walk func(n *setNode, lo, hi string)
	walk = func(n *setNode, lo, hi string) {
		if n == nil {
			return
		}
		if (lo != "" && n.key <= lo) || (hi != "" && n.key >= hi) {
			t.Fatalf("%q out of order", n.key)
		}
		for _, ch := range []*setNode{n.left, n.right} {
			if ch != nil && above(ch, n) {
				t.Fatalf("%q above its parent %q", ch.key, n.key)
			}
		}
		walk(n.left, lo, n.key)
		out = append(out, n.key)
		walk(n.right, n.key, hi)
	}
	walk(s, "", "")
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestSetAgainstMap builds sets by random additions from shared bases and
// meets them, comparing every result with the same operations on maps.
func TestSetAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		var base set
		baseMap := map[string]bool{}
		for i := rng.Intn(30); i > 0; i-- {
			k := fmt.Sprint("v", rng.Intn(60))
			base, baseMap[k] = base.with(k), true
		}
		var branches [2]set
		var maps [2]map[string]bool
		for b := range branches {
			branches[b] = base.clone()
			maps[b] = map[string]bool{}
			for k := range baseMap {
				maps[b][k] = true
			}
			for i := rng.Intn(20); i > 0; i-- {
				k := fmt.Sprint("v", rng.Intn(60))
				branches[b], maps[b][k] = branches[b].with(k), true
			}
		}
		want := map[string]bool{}
		for k := range maps[0] {
			if maps[1][k] {
				want[k] = true
			}
		}
		got := meet(branches[0], branches[1])
		if g, w := strings.Join(names(t, got), " "), strings.Join(keys(want), " "); g != w {
			t.Fatalf("round %d: meet = %s, want %s", round, g, w)
		}
		for b := range branches {
			if g, w := strings.Join(names(t, branches[b]), " "), strings.Join(keys(maps[b]), " "); g != w {
				t.Fatalf("round %d: branch %d = %s, want %s", round, b, g, w)
			}
			for i := 0; i < 60; i++ {
				k := fmt.Sprint("v", i)
				if branches[b].has(k) != maps[b][k] {
					t.Fatalf("round %d: has(%s) = %v", round, k, !maps[b][k])
				}
			}
		}
		if g, w := strings.Join(names(t, base), " "), strings.Join(keys(baseMap), " "); g != w {
			t.Fatalf("round %d: the base changed: %s, want %s", round, g, w)
		}
	}
}

// TestManyLocalsIsFast infers a function with 3,000 locals and an if after
// every few assignments: copying the assigned set at each made it
// quadratic (seconds); a generous bound catches that.
func TestManyLocalsIsFast(t *testing.T) {
	var b strings.Builder
	b.WriteString("def f(n: int) -> int:\n    v0 = n\n")
	for i := 1; i < 12000; i++ {
		fmt.Fprintf(&b, "    v%d = v%d + 1\n", i%3000, (i-1)%3000)
		if i%5 == 0 {
			fmt.Fprintf(&b, "    if n > %d:\n        w%d = 1\n    else:\n        w%d = 2\n", i, i, i)
		}
	}
	b.WriteString("    return v0\n")
	start := time.Now()
	if _, errs := checkSrc(t, "en", b.String()); errs != "no errors" {
		t.Fatal(errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("%d bytes checked in %v", b.Len(), d)
	}
}
