//! Figures: images with their srcset, size, alt, caption and credit.
