import { readFileSync } from "node:fs";
import path from "node:path";

/** A complete, valid upload (the shipped MLE model's files), so only who sends it decides the answer. */
export const shippedUpload = () => {
  const dir = path.resolve("public/models/captioning/mle");
  const modelJson = readFileSync(path.join(dir, "model.json"));
  const weightsFile = (JSON.parse(modelJson.toString()) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
  return {
    "model.json": { name: "model.json", mimeType: "application/json", buffer: modelJson },
    "model.weights.bin": { name: "model.weights.bin", mimeType: "application/octet-stream", buffer: readFileSync(path.join(dir, weightsFile)) },
  };
};
