"""Vietnamese text handling: normalisation with an offset map, match keys, numbers and dates."""
