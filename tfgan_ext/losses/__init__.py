"""GANModel-tuple losses (work in progress: upstream re-exports only)."""
from tensorflow_gan.python.losses.tuple_losses import *  # pylint: disable=wildcard-import
