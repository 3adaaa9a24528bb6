package wasm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// A disk cache entry is Wasmtime's serialized module (an ELF file) followed
// by a footer:
//
//	artifact | CRC-32C of the artifact (4 bytes, little endian) | artifact length (8, little endian) | magic "MLCWASM3" (8)
//
// The footer comes last so that the artifact starts the file: Wasmtime can
// then map the entry itself (NewModuleDeserializeFile) instead of copying
// it, and ignores the bytes after the ELF sections. diskcache.go explains
// when the footer is checked.

// cacheMagic ends every cache file; bump its digit when the format
// changes. It is also part of every key, so that entries of an older format
// are never even opened.
const cacheMagic = "MLCWASM3"

// cacheFooterLen is the size of the footer after the artifact.
const cacheFooterLen = 4 + 8 + len(cacheMagic)

// castagnoli is the CRC-32C table (hardware-accelerated where the CPU has it).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkEntry verifies a cache file's footer, length and checksum and
// returns the artifact it holds.
func checkEntry(data []byte) ([]byte, error) {
	if len(data) < cacheFooterLen || string(data[len(data)-len(cacheMagic):]) != cacheMagic {
		return nil, errors.New("bad footer")
	}
	foot := data[len(data)-cacheFooterLen:]
	sum := binary.LittleEndian.Uint32(foot[:4])
	n := binary.LittleEndian.Uint64(foot[4:12])
	artifact := data[:len(data)-cacheFooterLen]
	if uint64(len(artifact)) != n {
		return nil, fmt.Errorf("length %d, footer says %d", len(artifact), n)
	}
	if crc32.Checksum(artifact, castagnoli) != sum {
		return nil, errors.New("checksum mismatch")
	}
	return artifact, nil
}

// entryFooter returns the footer that follows artifact in its cache file.
func entryFooter(artifact []byte) []byte {
	foot := make([]byte, cacheFooterLen)
	binary.LittleEndian.PutUint32(foot, crc32.Checksum(artifact, castagnoli))
	binary.LittleEndian.PutUint64(foot[4:], uint64(len(artifact)))
	copy(foot[12:], cacheMagic)
	return foot
}

// writeEntry writes the cache file of artifact to w, without copying the
// artifact.
func writeEntry(w io.Writer, artifact []byte) error {
	if _, err := w.Write(artifact); err != nil {
		return err
	}
	_, err := w.Write(entryFooter(artifact))
	return err
}
