package wasm

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// prune removes old entries and old temporary files, and nothing else.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{"fresh.cwasm", time.Hour, true},
		{"month.cwasm", entryMaxAge - time.Hour, true},
		{"old.cwasm", entryMaxAge + time.Hour, false},
		{"warmup-old.cwasm", entryMaxAge + time.Hour, false},
		{"x.cwasm.tmp-123", tmpMaxAge + time.Minute, false},
		{"y.cwasm.tmp-456", tmpMaxAge - time.Minute, true},
		{"notes.txt", 400 * 24 * time.Hour, true},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.cwasm"), 0o700); err != nil {
		t.Fatal(err)
	}
	if n := prune(dir, now); n != 3 {
		t.Errorf("prune removed %d files, want 3", n)
	}
	var left []string
	des, _ := os.ReadDir(dir)
	for _, de := range des {
		left = append(left, de.Name())
	}
	var want []string
	for _, f := range files {
		if f.kept {
			want = append(want, f.name)
		}
	}
	want = append(want, "sub.cwasm")
	sort.Strings(want)
	if len(left) != len(want) {
		t.Fatalf("left %v, want %v", left, want)
	}
	for i := range want {
		if left[i] != want[i] {
			t.Fatalf("left %v, want %v", left, want)
		}
	}
	if n := prune(filepath.Join(dir, "missing"), now); n != 0 {
		t.Errorf("prune of a missing directory removed %d", n)
	}
}
