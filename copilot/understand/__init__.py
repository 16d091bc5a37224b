"""Question understanding in code: instruments, window, measure, direction — with a trace."""
