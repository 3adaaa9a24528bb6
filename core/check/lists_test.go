package check

import "testing"

func TestUnify(t *testing.T) {
	h := newHole()
	l := ListOf(h)
	if !unify(l, ListOf(ListOf(TFloat))) || l.String() != "list[list[float]]" {
		t.Errorf("hole not filled: %s", l)
	}
	if unify(l, ListOf(TInt)) {
		t.Error("list[list[float]] unified with list[int]")
	}
	if unify(ListOf(newHole()), ListOf(newHole())) {
		t.Error("two holes unified")
	}
	h2 := newHole()
	closeHoles(ListOf(h2))
	if h2.Kind != Int || h2.hole {
		t.Errorf("closed hole is %s", h2)
	}
}

// A compilable function with a list in its signature is Internal: compiled,
// but not callable through the bridge; its callers stay compilable.
func TestInternal(t *testing.T) {
	src := "def g(a: list[int]) -> list[int]:\n    a.append(1)\n    return a\ndef f(n: int) -> int:\n    return len(g([n]))\n"
	info, errs := checkSrc(t, "en", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	g, f := info.FuncByName["g"], info.FuncByName["f"]
	if g.Compilable || !g.Internal || g.Reason == "" {
		t.Errorf("g: compilable=%v internal=%v reason %q", g.Compilable, g.Internal, g.Reason)
	}
	if !f.Compilable || f.Internal {
		t.Errorf("f: compilable=%v internal=%v reason %q", f.Compilable, f.Internal, f.Reason)
	}
	for id, name := range info.Methods {
		if id.Name != "append" || name != "append" {
			t.Errorf("method %s -> %s", id.Name, name)
		}
	}
}

// A list that holds itself has no compiled type: unify refuses to fill a
// hole with a type containing it, and the function stays in Python (the
// fuzzer's program made a cyclic type on which compilable recursed until
// the Go stack overflowed, which kills the Python process).
func TestSelfHoldingList(t *testing.T) {
	h := newHole()
	if unify(h, ListOf(h)) || !h.hole {
		t.Errorf("hole filled with a list of itself: %v", h.hole)
	}
	if unify(ListOf(ListOf(h)), h) || !h.hole {
		t.Errorf("hole filled with a list of a list of itself: %v", h.hole)
	}
	for _, body := range []string{
		"    a = []\n    a.append(a)\n    return len(a)\n",
		"    a = []\n    b = [a]\n    a.append(b)\n    return len(a)\n",
		"    a = []\n    a.append([a])\n    return len(a)\n",
		"    a = []\n    a.append(1)\n    a.append(a)\n    return len(a)\n",
	} {
		info, errs := checkSrc(t, "en", "def f(n: int) -> int:\n"+body)
		if errs != "no errors" {
			t.Fatalf("%s: %s", body, errs)
		}
		if f := info.FuncByName["f"]; f.Compilable || f.Reason == "" {
			t.Errorf("%s: compilable=%v reason %q", body, f.Compilable, f.Reason)
		}
	}
}
