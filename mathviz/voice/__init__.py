"""The lecture voice: narration split into sentences, spoken offline by a neural voice (Piper,
called as a separate process), cached per sentence, laid into a loudness-normalised audio
track, and checked by forced alignment against the script."""
