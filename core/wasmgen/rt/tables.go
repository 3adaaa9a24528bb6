package rt

// Table returns the address of the constant bytes b in the module's
// static data, laying them out on first use, 8-aligned, after the static
// strings: a table that compiled code only reads (the powers of the
// polyhash pass). Equal tables share one copy.
func (r *Runtime) Table(b []byte) uint32 {
	r.UseStrings() // the static data starts with the one-character strings
	if r.tables == nil {
		r.tables = make(map[string]uint32)
	}
	if a, ok := r.tables[string(b)]; ok {
		return a
	}
	addr := uint32(r.HeapBase())
	rec := make([]byte, (len(b)+7)&^7)
	copy(rec, b)
	r.data = append(r.data, rec...)
	r.tables[string(b)] = addr
	return addr
}
