extension TaggerFeatures {
    /// The features of a position that depend only on its eojeol and the eojeols beside it,
    /// hashed once per eojeol: the eojeol's bounds and, per feature template, its bucket.
    struct WordHashes {
        /// Where the eojeol starts and ends, and where it ends without its particle.
        let start: Int, end: Int, stemEnd: Int
        /// The eojeol's last two values (16); the next eojeol's first two (17) and first (19);
        /// the previous eojeol's last two (18); the eojeol when short (20).
        let b16: Int32, b17: Int32, b18: Int32, b19: Int32, b20: Int32
        /// The stem when short, for a position in the stem and for one in the particle (22).
        let b22Stem: Int32, b22Particle: Int32
        /// The eojeol's first two values (23) and last three (24); the next eojeol's start (27);
        /// the previous eojeol when short (28).
        let b23: Int32, b24: Int32, b27: Int32, b28: Int32
        /// The stem's length, with whether it looks like a name after a surname, for the first
        /// position (29), and without it for the others.
        let b29First: Int32, b29Rest: Int32
    }
}
