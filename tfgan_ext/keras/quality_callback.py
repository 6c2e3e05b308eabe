# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A callback logging KID, precision, recall, density and coverage.

`SampleQuality` is `FrechetDistance`'s sibling (tfgan_ext.keras.callbacks):
the same arguments and schedule, the same samples (`model.sampling_generator`
and, with `raw_too`, the raw generator), with the metrics of
`tfgan_ext.metrics.sample_quality` in place of the Fréchet distance.
"""

from tfgan_ext import metrics
from tfgan_ext.keras.callbacks import FeatureCallback

__all__ = ['LOGGED_METRICS', 'SampleQuality']

# The metrics written into the epoch's logs (kid_std is kept in `values`
# only: it is NaN with fewer than 2 KID blocks, i.e. up to 1024 samples).
LOGGED_METRICS = ('kid', 'precision', 'recall', 'density', 'coverage')


class SampleQuality(FeatureCallback):
  """KID, precision, recall, density and coverage at chosen epochs.

  Between features of real data and of samples from fixed generator inputs,
  by `tfgan_ext.metrics.sample_quality`: KID (Bińkowski et al. 2018,
  https://arxiv.org/abs/1801.01401; TF-GAN's
  `kernel_classifier_distance_and_std_from_activations`), improved precision
  and recall (Kynkäänniemi et al. 2019, https://arxiv.org/abs/1904.06991),
  density and coverage (Naeem et al. 2020, https://arxiv.org/abs/
  2002.09797). Each is logged as `<name>_<metric>`, e.g.
  `quality_precision` (`<name>_<metric>_raw` for the raw generator with
  `raw_too`); `self.values` keeps (epoch number, dict of all
  `sample_quality` values, kid_std too).

  The k-NN metrics need enough samples to estimate the manifolds (the
  papers use 10,000 or more); compare runs at the same sample size.

  Args: those of `tfgan_ext.keras.callbacks.FeatureCallback`, and
    precision_recall_k: `k` of `tfgan_ext.metrics.precision_recall`.
    density_coverage_k: `k` of `tfgan_ext.metrics.density_coverage`.
    max_block_size: `max_block_size` of `tfgan_ext.metrics.kernel_distance`.
  """

  def __init__(self, features_fn, generator_inputs, real_data=None,
               real_features=None, every=1, epochs=None, batch_size=256,
               generator_training=False, name='quality', raw_too=False,
               precision_recall_k=3, density_coverage_k=5,
               max_block_size=1024):
    super().__init__(features_fn, generator_inputs, real_data, real_features,
                     every, epochs, batch_size, generator_training, name,
                     raw_too)
    self.precision_recall_k = precision_recall_k
    self.density_coverage_k = density_coverage_k
    self.max_block_size = max_block_size

  def quality(self, raw=False):
    """`tfgan_ext.metrics.sample_quality` of the model's current samples.

    Args:
      raw: Sample from the raw generator, not the sampling generator.

    Returns:
      A dict of floats: 'kid', 'kid_std', 'precision', 'recall', 'density',
      'coverage'.
    """
    return metrics.sample_quality(
        self.real_features, self.generated_features(raw),
        precision_recall_k=self.precision_recall_k,
        density_coverage_k=self.density_coverage_k,
        max_block_size=self.max_block_size)

  def measure(self, raw=False):
    return self.quality(raw)

  def log(self, logs, value, suffix):
    for metric in LOGGED_METRICS:
      logs['%s_%s%s' % (self.name, metric, suffix)] = value[metric]
