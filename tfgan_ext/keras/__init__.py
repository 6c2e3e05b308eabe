# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Keras-native GAN training with tfgan_ext's losses, on any tf.distribute.

  import tfgan_ext.keras as tfk   # a separate import: `import tfgan_ext`
                                  # does not load it, nor any Keras.
  gan = tfk.GANModel(generator, discriminator)   # Keras 3 or tf-keras models
  gan.compile(generator_optimizer=..., discriminator_optimizer=...,
              loss='hinge',
              addons=[tfgan_ext.addons.Penalty('r1', weight=5.0, every=16)])
  gan.fit(tf.data.Dataset.zip((noise, images)), epochs=...)

Modules: `model` (GANModel, all of it but the Keras base class),
`keras_model` / `tf_keras_model` (its subclass per Keras package, imported
only when used), `keras_versions` (what differs between the two packages),
`train_step` (the train step), `step_losses` (compile's `loss=`),
`checks` (errors before training), `removed_arguments` (compile's arguments
that 0.2 replaced with add-ons), `distribute` (loss shares across replicas,
strategies by name), `callbacks` (sample grid, Fréchet distance), `faults`
(NaN and SIGTERM stops, backups, training to a step), `quality_callback`
(KID, precision/recall, density/coverage). The add-ons
(`tfgan_ext.addons`) hold their own parts of the step.
Importing this package imports no Keras: each model's own Keras package is
used. See docs/keras.md.
"""

from tfgan_ext.keras import callbacks
from tfgan_ext.keras import distribute
from tfgan_ext.keras import faults
from tfgan_ext.keras import quality_callback
from tfgan_ext.keras.callbacks import FrechetDistance
from tfgan_ext.keras.callbacks import SampleGrid
from tfgan_ext.keras.callbacks import stop_on_non_finite_loss
from tfgan_ext.keras.model import GANModel
from tfgan_ext.keras.quality_callback import SampleQuality

__all__ = ['FrechetDistance', 'GANModel', 'SampleGrid', 'SampleQuality',
           'callbacks', 'distribute', 'faults', 'quality_callback',
           'stop_on_non_finite_loss']
