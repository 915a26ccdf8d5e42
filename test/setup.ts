// Deterministic frames: no CI detection quirks, colours always on.
delete process.env.CI;
process.env.FORCE_COLOR = '1';
