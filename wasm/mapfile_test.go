package wasm

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "entry")
	want := bytes.Repeat([]byte("entry bytes "), 1000)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	mf, err := mapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mf.bytes(), want) {
		t.Errorf("mapFile read %d bytes, want the file's %d", len(mf.bytes()), len(want))
	}
	// Another entry renamed over the name: samePath still names the file
	// that was opened and checked.
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(other, []byte("replacement"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	if p := mf.samePath(); p != "" {
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("reading %s after the rename: %d bytes, %v; want the original file", p, len(got), err)
		}
	}
	if !bytes.Equal(mf.bytes(), want) {
		t.Error("the mapping changed when another file was renamed over its name")
	}
	mf.close()
	mf.close() // idempotent
	if mf.bytes() != nil {
		t.Error("bytes() after close")
	}
}

func TestMapFileEdgeCases(t *testing.T) {
	dir := t.TempDir()
	if _, err := mapFile(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("mapFile(missing) = %v, want fs.ErrNotExist", err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	mf, err := mapFile(empty)
	if err != nil || len(mf.bytes()) != 0 {
		t.Fatalf("mapFile(empty) = %v, %v", mf, err)
	}
	if _, _, err := checkEntry(mf.bytes()); err == nil {
		t.Error("an empty file passed checkEntry")
	}
	mf.close()
	if _, err := mapFile(dir); err == nil {
		t.Error("mapFile of a directory succeeded")
	}
}
