package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMutationsApply checks that every mutation's text occurs exactly once
// in its file, so that a change which moves the code a mutation targets
// fails here, in go test, and not only when make mutate runs.
func TestMutationsApply(t *testing.T) {
	for _, m := range mutations {
		b, err := os.ReadFile(filepath.Join("..", "..", m.file))
		if err != nil {
			t.Errorf("%s: %v", m.name, err)
			continue
		}
		if n := strings.Count(string(b), m.old); n != 1 {
			t.Errorf("%s: the text occurs %d times in %s (want exactly 1): update mutations.go", m.name, n, m.file)
		}
	}
}
