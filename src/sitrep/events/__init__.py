"""Events: typing, casualties, frames, merging into incidents, and the contract's Event."""
