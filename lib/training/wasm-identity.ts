import * as tf from "@tensorflow/tfjs-core";

type DataBackend = { incRef(dataId: object): void };

/**
 * tfjs-backend-wasm's Identity copies the buffer, and autodiff sends every tensor it saves for
 * the backward pass through it (the engine's clone): about 300 copies a REINFORCE step, 5-10 ms.
 * Tensors are immutable (kernels write only their own outputs; Variable.assign swaps buffers), so
 * sharing the buffer under a reference count gives the same values, as the cpu and webgl
 * backends' Identity and wasm's own Reshape do. Strings keep the stock kernel.
 */
let registered = false;

export function registerSharedWasmIdentity(): void {
  if (registered) return;
  const stock = tf.getKernel("Identity", "wasm");
  if (!stock) return;
  registered = true;
  tf.unregisterKernel("Identity", "wasm");
  tf.registerKernel({
    kernelName: "Identity",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = (args.inputs as { x: tf.TensorInfo }).x;
      if (x.dtype === "string") return stock.kernelFunc(args);
      (args.backend as unknown as DataBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}
