import Foundation

/// A logistic regression over standardized features: `1 / (1 + e^-(bias + Σ wᵢ (xᵢ - meanᵢ) / scaleᵢ))`.
package struct LogisticModel: Sendable, Codable {
    /// Per feature, what is subtracted before scaling.
    package var mean: [Double]
    /// Per feature, what the centred value is divided by.
    package var scale: [Double]
    /// Per feature, its weight on the standardized value.
    package var weights: [Double]
    /// The intercept.
    package var bias: Double

    /// Whether the model has one value of each kind per feature.
    func fits(_ count: Int) -> Bool { mean.count == count && scale.count == count && weights.count == count }

    /// The probability for a feature vector (features past the model's count are ignored).
    package func probability(_ values: [Double]) -> Double {
        var z = bias
        for k in 0..<min(weights.count, values.count) {
            z += weights[k] * (values[k] - mean[k]) / (scale[k] == 0 ? 1 : scale[k])
        }
        return 1 / (1 + exp(-z))
    }
}
